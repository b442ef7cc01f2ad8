/**
 * Meta's notifications carry ids only. Re-reading the object they name (the
 * ad object with its status and issues, the fatigued ad, the lead's answers)
 * makes each item complete without a second node. A failed re-read never
 * fails the delivery: the item goes out with `reRead.error`, since Meta would
 * otherwise retry a change we already have.
 */
import type { IDataObject } from 'n8n-workflow';

import { withMajorUnits } from '../MetaAds/actions/common/money';
import { graphRequest, redactSecrets, type MetaContext } from '../MetaAds/transport';
import type { MetaWebhookEvent, ObjectLevel } from './events';
import { fieldInfo } from './fields';

const OBJECT_FIELDS: Record<ObjectLevel, string> = {
	campaign: 'id,name,account_id,status,effective_status,objective,daily_budget,lifetime_budget,issues_info',
	adset: 'id,name,account_id,campaign_id,status,effective_status,daily_budget,lifetime_budget,issues_info',
	ad: 'id,name,account_id,campaign_id,adset_id,status,effective_status,issues_info,ad_review_feedback',
};
const ANY_OBJECT_FIELDS = 'id,name,account_id,status,effective_status';
const LEAD_FIELDS = 'id,created_time,ad_id,adset_id,campaign_id,form_id,field_data,is_organic,platform';
/** Ad recommendations may name many objects; reading a few keeps one delivery cheap. */
export const MAX_REREAD_OBJECTS = 10;

export interface ReReadResult extends IDataObject {
	ok: boolean;
	error?: string;
}

/** `[{name:'email', values:['a@b.c']}]` → `{ email: 'a@b.c' }`; several values stay a list. */
export function leadAnswers(fieldData: unknown): IDataObject {
	const answers: IDataObject = {};
	if (!Array.isArray(fieldData)) return answers;
	for (const entry of fieldData as Array<{ name?: unknown; values?: unknown }>) {
		if (typeof entry?.name !== 'string') continue;
		const values = Array.isArray(entry.values) ? entry.values.map(String) : [];
		answers[entry.name] = values.length === 1 ? values[0] : values;
	}
	return answers;
}

/** The account's currency, read once per delivery, so budgets come out in major units. */
type CurrencyLookup = (accountId: string) => Promise<string | undefined>;

export function currencyLookup(ctx: MetaContext): CurrencyLookup {
	const cache = new Map<string, Promise<string | undefined>>();
	return async (accountId) => {
		if (!cache.has(accountId)) {
			cache.set(
				accountId,
				graphRequest<{ currency?: string }>(ctx, { method: 'GET', path: `/act_${accountId}`, qs: { fields: 'currency' } })
					.then((account) => (typeof account.currency === 'string' ? account.currency.toUpperCase() : undefined))
					.catch(() => undefined),
			);
		}
		return await cache.get(accountId)!;
	};
}

async function readAdObject(ctx: MetaContext, id: string, level: ObjectLevel | null, currency: CurrencyLookup): Promise<IDataObject> {
	const object = await graphRequest<IDataObject>(ctx, { method: 'GET', path: `/${id}`, qs: { fields: level ? OBJECT_FIELDS[level] : ANY_OBJECT_FIELDS } });
	const accountId = object.account_id ? String(object.account_id) : undefined;
	if (!accountId || (object.daily_budget === undefined && object.lifetime_budget === undefined)) return object;
	return withMajorUnits(object, await currency(accountId));
}

async function readLead(ctx: MetaContext, id: string): Promise<IDataObject> {
	const lead = await graphRequest<IDataObject>(ctx, { method: 'GET', path: `/${id}`, qs: { fields: LEAD_FIELDS } });
	return { ...lead, answers: leadAnswers(lead.field_data) };
}

/** Adds `details` (the re-read object, objects or lead) and `reRead` to one event. */
export async function reReadEvent(ctx: MetaContext, event: MetaWebhookEvent, currency: CurrencyLookup): Promise<IDataObject> {
	const subject = fieldInfo(event.object, event.field)?.subject;
	try {
		if (subject === 'lead' && event.objectId) return { ...event, details: await readLead(ctx, event.objectId), reRead: { ok: true } };
		if ((subject === 'adObject' || subject === 'ad') && event.objectId) {
			return { ...event, details: await readAdObject(ctx, event.objectId, event.objectLevel, currency), reRead: { ok: true } };
		}
		if (subject === 'adObjects' && event.objectIds.length > 0) {
			const ids = event.objectIds.slice(0, MAX_REREAD_OBJECTS);
			const details = await Promise.all(ids.map(async (id) => await readAdObject(ctx, id, null, currency)));
			const note = event.objectIds.length > ids.length ? `first ${ids.length} of ${event.objectIds.length} objects read` : undefined;
			return { ...event, details, reRead: note ? { ok: true, note } : { ok: true } };
		}
		return { ...event, details: null, reRead: { ok: false, error: `nothing to re-read for field ${event.field}` } };
	} catch (error) {
		return { ...event, details: null, reRead: { ok: false, error: redactSecrets((error as Error).message) } };
	}
}
