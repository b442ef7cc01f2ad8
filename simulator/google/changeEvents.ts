/**
 * `FROM change_event` queries: the customer's change history, read from the
 * simulator's change log (so it lists exactly the writes that happened).
 * Like Google, it needs a `change_event.change_date_time` lower bound and a
 * LIMIT (at most 10,000); times are 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC here).
 */
import type { ChangeLog, SimChange } from '../core/changeLog';
import { googleError, SimFailure } from './failure';

const RESOURCE_TYPE: Record<string, string> = {
	campaigns: 'CAMPAIGN', campaignBudgets: 'CAMPAIGN_BUDGET', adGroups: 'AD_GROUP', adGroupAds: 'AD_GROUP_AD',
	adGroupCriteria: 'AD_GROUP_CRITERION', campaignCriteria: 'CAMPAIGN_CRITERION',
};
const OPERATION: Record<SimChange['operation'], string> = { create: 'CREATE', update: 'UPDATE', delete: 'REMOVE' };

export function isChangeEventQuery(text: unknown): boolean {
	return typeof text === 'string' && /\bFROM\s+change_event\b/i.test(text);
}

export function googleTime(ms: number): string {
	return new Date(ms).toISOString().replace('T', ' ').replace(/\.(\d{3})Z$/, '.$1000');
}

function bound(text: string, operators: string): number | undefined {
	const match = new RegExp(`change_event\\.change_date_time\\s*(${operators})\\s*'([^']+)'`, 'i').exec(text);
	if (!match) return undefined;
	const ms = Date.parse(`${match[2].trim().replace(' ', 'T')}${/[zZ+]/.test(match[2]) ? '' : 'Z'}`);
	if (Number.isNaN(ms)) throw new SimFailure(400, [googleError('queryError', 'INVALID_VALUE_WITH_DURING_OPERATOR', `Invalid date time: ${match[2]}`)]);
	return ms;
}

export function changeEventRows(log: ChangeLog, cid: string, text: string, nowMs: number): { rows: unknown[]; fieldMask: string } {
	const since = bound(text, '>=|>');
	const limit = /\bLIMIT\s+(\d+)/i.exec(text);
	if (since === undefined || !limit) {
		throw new SimFailure(400, [googleError('changeEventError', 'START_DATE_TOO_OLD', 'change_event queries need a change_event.change_date_time filter and a LIMIT.')]);
	}
	if (since < nowMs - 30 * 86_400_000) {
		throw new SimFailure(400, [googleError('changeEventError', 'START_DATE_TOO_OLD', 'The requested start date is too old. It cannot be older than 30 days.')]);
	}
	const until = bound(text, '<=|<') ?? Number.POSITIVE_INFINITY;
	const rows = log
		.list()
		.filter((c) => c.api === 'google' && c.accountId === cid && c.at >= since && c.at <= until)
		.reverse()
		.slice(0, Math.min(Number(limit[1]), 10_000))
		.map((c) => ({
			changeEvent: {
				resourceName: `customers/${cid}/changeEvents/${c.at}~${c.seq}`,
				changeDateTime: googleTime(c.at),
				changeResourceType: RESOURCE_TYPE[c.objectType] ?? c.objectType.toUpperCase(),
				changeResourceName: c.entity,
				resourceChangeOperation: OPERATION[c.operation],
				changedFields: Object.keys(c.fields).join(','),
				clientType: 'GOOGLE_ADS_API',
				...(c.campaign ? { campaign: c.campaign } : {}),
			},
		}));
	return {
		rows,
		fieldMask: 'changeEvent.changeDateTime,changeEvent.changeResourceType,changeEvent.changeResourceName,changeEvent.resourceChangeOperation,changeEvent.changedFields,changeEvent.campaign',
	};
}
