/**
 * Meta-style numeric ids: a per-kind prefix, a seed tag and a counter.
 * Counters continue for objects created through the API, and `reset()` of the
 * owning store restores them by rebuilding the mint.
 */
export type IdKind = 'account' | 'business' | 'campaign' | 'adSet' | 'ad' | 'creative' | 'image' | 'video' | 'reportRun' | 'uploadSession' | 'response';

const PREFIX: Record<IdKind, string> = {
	account: '10',
	business: '20',
	campaign: '1202',
	adSet: '1203',
	ad: '1204',
	creative: '1205',
	image: '1206',
	video: '1207',
	reportRun: '1208',
	uploadSession: '1209',
	response: '1210',
};

export class IdMint {
	private readonly counters = new Map<IdKind, number>();

	constructor(private readonly seed: number) {}

	next(kind: IdKind): string {
		const n = (this.counters.get(kind) ?? 0) + 1;
		this.counters.set(kind, n);
		const tag = String(Math.abs(this.seed) % 1000).padStart(3, '0');
		const width = kind === 'account' || kind === 'business' ? 10 : 11;
		return `${PREFIX[kind]}${tag}${String(n).padStart(width, '0')}`;
	}
}
