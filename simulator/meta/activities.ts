/**
 * `GET /act_X/activities`: the account's change history, newest first, as
 * Meta's AdActivity objects (event_type, event_time, object_id, object_type
 * in Meta's legacy names, extra_data with old/new values). Read from the
 * simulator's change log, so it lists exactly the writes that happened.
 * `since` / `until` are unix seconds or dates, as Graph accepts them.
 */
import type { SimChange } from '../core/changeLog';
import type { SimResponse } from '../types';
import type { MetaCall } from './call';
import { invalidParam } from './errors';
import { pageOf } from './paging';
import { str } from './params';
import { metaTime } from './store';

/** Meta's legacy object names: an ad set is a "CAMPAIGN", a campaign a "CAMPAIGN_GROUP". */
const LEGACY_TYPE: Record<string, string> = { campaign: 'CAMPAIGN_GROUP', adset: 'CAMPAIGN', ad: 'ADGROUP', adcreative: 'CREATIVE' };
const EVENT_OBJECT: Record<string, string> = { campaign: 'campaign', adset: 'ad_set', ad: 'ad', adcreative: 'creative' };

function eventType(change: SimChange, field: string): string {
	const object = EVENT_OBJECT[change.objectType] ?? change.objectType;
	if (change.operation === 'create') return `create_${object}`;
	if (change.operation === 'delete') return `delete_${object}`;
	if (field === 'daily_budget' || field === 'lifetime_budget') return `update_${object}_budget`;
	if (field === 'status') return `update_${object}_run_status`;
	if (field === 'bid_amount') return `update_${object}_bid_amount`;
	return `update_${object}_${field}`;
}

function parseTime(raw: string | undefined): number | undefined | 'invalid' {
	if (raw === undefined || raw === '') return undefined;
	if (/^\d+$/.test(raw)) return Number(raw) * 1000;
	const ms = Date.parse(raw);
	return Number.isNaN(ms) ? 'invalid' : ms;
}

export function listActivities(call: MetaCall, accountId: string, defaultLimit: number): SimResponse {
	const since = parseTime(str(call.params, 'since'));
	const until = parseTime(str(call.params, 'until'));
	if (since === 'invalid' || until === 'invalid') return invalidParam('Param since/until must be a unix time or a date');
	const events: Array<Record<string, unknown>> = [];
	for (const change of call.ctx.changes.list()) {
		if (change.api !== 'meta' || change.accountId !== accountId) continue;
		if ((since !== undefined && change.at < since) || (until !== undefined && change.at > until)) continue;
		for (const [field, values] of Object.entries(change.fields)) {
			events.push({
				event_type: eventType(change, field),
				event_time: metaTime(change.at),
				object_id: change.entity,
				object_type: LEGACY_TYPE[change.objectType] ?? change.objectType.toUpperCase(),
				extra_data: JSON.stringify({ old_value: values.before, new_value: values.after }),
			});
		}
	}
	events.reverse();
	const limit = Number(str(call.params, 'limit') ?? defaultLimit);
	const page = pageOf(events, { limit, after: str(call.params, 'after'), before: str(call.params, 'before') }, call.selfUrl);
	return page ? { status: 200, body: page } : invalidParam('Invalid cursor');
}
