/**
 * Every write the simulated APIs accept, once, in order: the truth that
 * Apply's tests compare against (what was really changed, not what a client
 * says it sent). Validate-only calls and rejected operations never appear.
 * Meta's `activities` edge and Google's `change_event` resource are read
 * from here, as the real platforms read their own history.
 */
export interface SimChange {
	seq: number;
	api: 'meta' | 'google';
	/** Epoch ms (the simulator's clock). */
	at: number;
	/** Meta: account id without `act_`; Google: customer id. */
	accountId: string;
	/** Meta: object id; Google: resource name. */
	entity: string;
	/** Meta: campaign | adset | ad …; Google: campaign | campaignBudget | adGroup … */
	objectType: string;
	operation: 'create' | 'update' | 'delete';
	/** Changed fields → value before and after (platform units, as stored). */
	fields: Record<string, { before: unknown; after: unknown }>;
	/** Google: the campaign a budget belongs to, when known; Meta: the campaign of an ad set. */
	campaign?: string;
}

export type SimChangeInput = Omit<SimChange, 'seq' | 'at'>;

export class ChangeLog {
	private entries: SimChange[] = [];

	constructor(private readonly now: () => number) {}

	record(change: SimChangeInput): void {
		this.entries.push({ ...change, seq: this.entries.length + 1, at: this.now() });
	}

	list(): SimChange[] {
		return this.entries.map((entry) => structuredClone(entry));
	}

	clear(): void {
		this.entries = [];
	}
}
