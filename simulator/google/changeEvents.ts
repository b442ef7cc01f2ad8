/**
 * `FROM change_event` queries: the customer's change history, read from the
 * simulator's change log (so it lists exactly the writes that happened).
 * Like Google, it needs a `change_event.change_date_time` lower bound and a
 * LIMIT (at most 10,000); times are 'YYYY-MM-DD HH:MM:SS.ffffff' on the
 * customer's wall clock (its time_zone), as Google writes them.
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

/** How far the zone's wall clock is ahead of UTC at `ms`. */
function offsetMs(timeZone: string, ms: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
	}).formatToParts(new Date(ms));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(ms / 1000) * 1000;
}

/** The account's wall clock, as Google writes change_date_time. */
export function googleTime(ms: number, timeZone: string): string {
	return new Date(ms + offsetMs(timeZone, ms)).toISOString().replace('T', ' ').replace(/\.(\d{3})Z$/, '.$1000');
}

function bound(text: string, operators: string, timeZone: string): number | undefined {
	const match = new RegExp(`change_event\\.change_date_time\\s*(${operators})\\s*'([^']+)'`, 'i').exec(text);
	if (!match) return undefined;
	const naive = Date.parse(`${match[2].trim().replace(' ', 'T')}Z`);
	if (Number.isNaN(naive)) throw new SimFailure(400, [googleError('queryError', 'INVALID_VALUE_WITH_DURING_OPERATOR', `Invalid date time: ${match[2]}`)]);
	return naive - offsetMs(timeZone, naive);
}

export function changeEventRows(log: ChangeLog, cid: string, text: string, nowMs: number, timeZone = 'UTC'): { rows: unknown[]; fieldMask: string } {
	const since = bound(text, '>=|>', timeZone);
	const limit = /\bLIMIT\s+(\d+)/i.exec(text);
	if (since === undefined || !limit) {
		throw new SimFailure(400, [googleError('changeEventError', 'START_DATE_TOO_OLD', 'change_event queries need a change_event.change_date_time filter and a LIMIT.')]);
	}
	if (since < nowMs - 30 * 86_400_000) {
		throw new SimFailure(400, [googleError('changeEventError', 'START_DATE_TOO_OLD', 'The requested start date is too old. It cannot be older than 30 days.')]);
	}
	const until = bound(text, '<=|<', timeZone) ?? Number.POSITIVE_INFINITY;
	const rows = log
		.list()
		.filter((c) => c.api === 'google' && c.accountId === cid && c.at >= since && c.at <= until)
		.reverse()
		.slice(0, Math.min(Number(limit[1]), 10_000))
		.map((c) => ({
			changeEvent: {
				resourceName: `customers/${cid}/changeEvents/${c.at}~${c.seq}`,
				changeDateTime: googleTime(c.at, timeZone),
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
