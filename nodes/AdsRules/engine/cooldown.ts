/**
 * Cooldowns: at most once per X hours and at most N times per rolling week,
 * per rule and entity. The engine checks against a history snapshot loaded
 * before the run; the node saves the run's new fires afterwards. Storage sits
 * behind `CooldownStore` so workflow static data and an n8n Data Table are
 * interchangeable.
 */
import type { IDataObject, IDataTableProjectService, DataTableFilter } from 'n8n-workflow';

import type { Cooldown } from './types';

export const HOUR_MS = 3_600_000;
export const WEEK_MS = 7 * 24 * HOUR_MS;

/** Fire timestamps (epoch ms) per cooldown key. */
export type CooldownHistory = Map<string, number[]>;

export interface Fire {
	key: string;
	at: number;
}

export interface CooldownStore {
	/** Fires younger than `retentionMs`. */
	load(now: number, retentionMs: number): Promise<CooldownHistory>;
	/** Adds fires and forgets those older than `retentionMs`. */
	record(fires: Fire[], now: number, retentionMs: number): Promise<void>;
}

export function cooldownKey(ruleName: string, entityKey: string): string {
	return `${ruleName}\u001f${entityKey}`;
}

/** How long history must be kept for these cooldowns. */
export function retentionFor(cooldowns: Cooldown[]): number {
	return Math.max(WEEK_MS, ...cooldowns.map((c) => c.hours * HOUR_MS));
}

export function checkCooldown(cd: Cooldown, history: number[] | undefined, now: number): string | null {
	if (!history || history.length === 0) return null;
	if (cd.hours > 0) {
		const last = Math.max(...history);
		const readyAt = last + cd.hours * HOUR_MS;
		if (now < readyAt) {
			return `cooldown: fired ${new Date(last).toISOString()}, at most once per ${cd.hours} h (ready ${new Date(readyAt).toISOString()})`;
		}
	}
	if (cd.maxPerWeek > 0) {
		const count = history.filter((t) => t > now - WEEK_MS && t <= now).length;
		if (count >= cd.maxPerWeek) return `cooldown: fired ${count} times in the last 7 days, at most ${cd.maxPerWeek}`;
	}
	return null;
}

const STATIC_KEY = 'adsRulesCooldown';

/** Workflow static data (`getWorkflowStaticData('node')`): n8n saves it after production executions. */
export class StaticDataCooldownStore implements CooldownStore {
	constructor(private readonly data: IDataObject) {}

	/** The stored table, or undefined: reading never writes, so a run that fires nothing leaves static data unchanged. */
	private get stored(): Record<string, number[]> | undefined {
		const t = this.data[STATIC_KEY];
		return typeof t === 'object' && t !== null && !Array.isArray(t) ? (t as Record<string, number[]>) : undefined;
	}

	async load(now: number, retentionMs: number): Promise<CooldownHistory> {
		const out: CooldownHistory = new Map();
		for (const [key, times] of Object.entries(this.stored ?? {})) {
			if (!Array.isArray(times)) continue;
			const kept = times.filter((t) => typeof t === 'number' && t > now - retentionMs);
			if (kept.length) out.set(key, kept);
		}
		return out;
	}

	/**
	 * Writes only what changed. n8n saves a run's whole static data (every node's,
	 * as loaded when the run started) once anything in it was written, so a
	 * rewrite on every run would put back stale copies of other nodes' data,
	 * such as the Meta Ads Trigger's duplicate window ("Running at scale").
	 */
	async record(fires: Fire[], now: number, retentionMs: number): Promise<void> {
		if (fires.length === 0 && this.stored === undefined) return;
		const table = this.stored ?? (this.data[STATIC_KEY] = {} as Record<string, number[]>);
		for (const f of fires) (table[f.key] ??= []).push(f.at);
		// Prune so static data stays small on long-running workflows.
		for (const key of Object.keys(table)) {
			const times = Array.isArray(table[key]) ? table[key] : [];
			const kept = times.filter((t) => t > now - retentionMs);
			if (kept.length === 0) delete table[key];
			else if (kept.length !== times.length) table[key] = kept;
		}
	}
}

export const DATA_TABLE_COLUMNS = [
	{ name: 'scope', type: 'string' },
	{ name: 'cooldownKey', type: 'string' },
	{ name: 'firedAt', type: 'number' },
] as const;

/**
 * An n8n Data Table with columns scope, cooldownKey, firedAt (added when
 * missing). `scope` separates several Ads Rules nodes sharing one table.
 */
export class DataTableCooldownStore implements CooldownStore {
	constructor(
		private readonly table: IDataTableProjectService,
		private readonly scope: string,
	) {}

	private async ensureColumns(): Promise<void> {
		const have = new Set((await this.table.getColumns()).map((c) => c.name));
		for (const col of DATA_TABLE_COLUMNS) {
			if (!have.has(col.name)) await this.table.addColumn({ name: col.name, type: col.type });
		}
	}

	private filter(extra: DataTableFilter['filters']): DataTableFilter {
		return { type: 'and', filters: [{ columnName: 'scope', condition: 'eq', value: this.scope }, ...extra] };
	}

	async load(now: number, retentionMs: number): Promise<CooldownHistory> {
		await this.ensureColumns();
		const out: CooldownHistory = new Map();
		const filter = this.filter([{ columnName: 'firedAt', condition: 'gt', value: now - retentionMs }]);
		const take = 1000;
		for (let skip = 0; ; skip += take) {
			const page = await this.table.getManyRowsAndCount({ filter, take, skip });
			for (const row of page.data) {
				const key = String(row.cooldownKey);
				const at = Number(row.firedAt);
				if (!Number.isFinite(at)) continue;
				const list = out.get(key);
				if (list) list.push(at);
				else out.set(key, [at]);
			}
			if (page.data.length < take || skip + take >= page.count) break;
		}
		return out;
	}

	async record(fires: Fire[], now: number, retentionMs: number): Promise<void> {
		if (fires.length) {
			await this.table.insertRows(
				fires.map((f) => ({ scope: this.scope, cooldownKey: f.key, firedAt: f.at })),
				'count',
			);
		}
		await this.table.deleteRows({ filter: this.filter([{ columnName: 'firedAt', condition: 'lte', value: now - retentionMs }]) });
	}
}
