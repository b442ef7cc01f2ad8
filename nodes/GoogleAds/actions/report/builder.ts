/**
 * Builds the GAQL for the common report: one level, a date range, daily or
 * totals, chosen metrics. Selects exactly what the normalizer reads.
 */

export type ReportLevel = 'campaign' | 'adGroup' | 'ad' | 'keyword';

export interface ReportSpec {
	level: ReportLevel;
	/** A DURING preset such as LAST_7_DAYS, or 'custom' with since/until. */
	datePreset: string;
	since?: string;
	until?: string;
	daily: boolean;
	/** GAQL metric names without the 'metrics.' prefix, e.g. cost_micros. */
	metrics: string[];
	includeRemoved: boolean;
}

export const LEVEL_RESOURCE: Record<ReportLevel, string> = {
	campaign: 'campaign',
	adGroup: 'ad_group',
	ad: 'ad_group_ad',
	keyword: 'keyword_view',
};

/** What the normalized row needs, whatever the user picked. */
export const REQUIRED_METRICS = ['impressions', 'clicks', 'cost_micros', 'conversions', 'conversions_value'];

// The customer's currency and name ride along on every row, so a report is
// one stream call with no separate account lookup.
const CUSTOMER = ['customer.currency_code', 'customer.descriptive_name'];
const CAMPAIGN = ['campaign.id', 'campaign.name', 'campaign.status'];
const AD_GROUP = ['ad_group.id', 'ad_group.name', 'ad_group.status'];

const LEVEL_FIELDS: Record<ReportLevel, string[]> = {
	campaign: [...CAMPAIGN, 'campaign_budget.amount_micros'],
	adGroup: [...CAMPAIGN, ...AD_GROUP],
	ad: [...CAMPAIGN, ...AD_GROUP, 'ad_group_ad.ad.id', 'ad_group_ad.ad.name', 'ad_group_ad.status'],
	keyword: [...CAMPAIGN, ...AD_GROUP, 'ad_group_criterion.criterion_id', 'ad_group_criterion.keyword.text', 'ad_group_criterion.keyword.match_type', 'ad_group_criterion.status'],
};

const STATUS_FIELD: Record<ReportLevel, string> = {
	campaign: 'campaign.status',
	adGroup: 'ad_group.status',
	ad: 'ad_group_ad.status',
	keyword: 'ad_group_criterion.status',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ReportSpecError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
	}
}

export function buildReportQuery(spec: ReportSpec): string {
	const metrics = [...new Set([...REQUIRED_METRICS, ...spec.metrics.map((m) => m.replace(/^metrics\./, ''))])];
	const fields = [...CUSTOMER, ...LEVEL_FIELDS[spec.level], ...(spec.daily ? ['segments.date'] : []), ...metrics.map((m) => `metrics.${m}`)];
	const conditions: string[] = [];
	if (spec.datePreset === 'custom') {
		const since = (spec.since ?? '').slice(0, 10);
		const until = (spec.until ?? '').slice(0, 10);
		if (!DAY.test(since)) throw new ReportSpecError('since', `Start date must be YYYY-MM-DD, got "${spec.since ?? ''}"`);
		if (!DAY.test(until)) throw new ReportSpecError('until', `End date must be YYYY-MM-DD, got "${spec.until ?? ''}"`);
		if (since > until) throw new ReportSpecError('since', `Start date ${since} is after end date ${until}`);
		conditions.push(`segments.date BETWEEN '${since}' AND '${until}'`);
	} else {
		if (!/^[A-Z_0-9]+$/.test(spec.datePreset)) throw new ReportSpecError('datePreset', `Unknown date range "${spec.datePreset}"`);
		conditions.push(`segments.date DURING ${spec.datePreset}`);
	}
	if (!spec.includeRemoved) conditions.push(`${STATUS_FIELD[spec.level]} != 'REMOVED'`);
	return `SELECT ${fields.join(', ')} FROM ${LEVEL_RESOURCE[spec.level]} WHERE ${conditions.join(' AND ')}`;
}
