/**
 * Meta's webhook payload → one event per change. A delivery is
 * `{object, entry: [{id, time, changes: [{field, value}]}]}`; Meta batches
 * several entries (and an entry several changes), and the items a workflow
 * wants are the changes, each with the ids it concerns.
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { fieldInfo, type FieldInfo, type WebhookObject } from './fields';

export const META_EVENT_SCHEMA = 'adpilot.metaEvent/v1' as const;

export type ObjectLevel = 'campaign' | 'adset' | 'ad';

export interface MetaWebhookEvent extends IDataObject {
	schema: typeof META_EVENT_SCHEMA;
	platform: 'meta';
	object: WebhookObject;
	field: string;
	/** False for a field this version of AdPilot does not know (emitted only when asked). */
	knownField: boolean;
	/** The entry's id: the ad account id (no `act_`) or the page id. */
	entryId: string;
	/** When Meta says the change happened (ISO), and as Meta sent it (Unix seconds). */
	time: string;
	timeUnix: number;
	accountId: string | null;
	pageId: string | null;
	/** The object the change is about (ad object, ad, lead, product set...), when the value names one. */
	objectId: string | null;
	objectLevel: ObjectLevel | null;
	/** Every ad object id the change names (ad recommendations name several). */
	objectIds: string[];
	/** Meta's change value, as sent. */
	value: IDataObject;
	/** Same delivery, same change → same key (what duplicate detection remembers). */
	dedupeKey: string;
}

export class WebhookPayloadError extends Error {}

function asObject(value: unknown): IDataObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

function idText(value: unknown): string | null {
	if (typeof value === 'string' && value.trim() !== '') return value.trim().replace(/^act_/, '');
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

/** `AD_SET`, `ADSET`, `adset`, `AD`, `CAMPAIGN` → our level names. */
export function normalizeLevel(value: unknown): ObjectLevel | null {
	const text = String(value ?? '').toLowerCase().replace(/[^a-z]/g, '');
	if (text === 'campaign') return 'campaign';
	if (text === 'adset' || text === 'adcampaign') return 'adset';
	if (text === 'ad' || text === 'adgroup') return 'ad';
	return null;
}

function subjectIds(info: FieldInfo | undefined, value: IDataObject): Pick<MetaWebhookEvent, 'objectId' | 'objectLevel' | 'objectIds'> {
	switch (info?.subject) {
		case 'adObject': {
			const id = idText(value.id);
			return { objectId: id, objectLevel: normalizeLevel(value.level), objectIds: id ? [id] : [] };
		}
		case 'ad': {
			const id = idText(value.adgroup_id ?? value.ad_id);
			return { objectId: id, objectLevel: 'ad', objectIds: id ? [id] : [] };
		}
		case 'adObjects': {
			const ids = (Array.isArray(value.ad_object_ids) ? value.ad_object_ids : []).map(idText).filter((id): id is string => id !== null);
			return { objectId: ids[0] ?? null, objectLevel: null, objectIds: ids };
		}
		case 'lead': {
			const id = idText(value.leadgen_id);
			const ad = idText(value.ad_id ?? value.adgroup_id);
			return { objectId: id, objectLevel: null, objectIds: ad ? [ad] : [] };
		}
		case 'productSet':
			return { objectId: idText(value.product_set_id ?? value.id), objectLevel: null, objectIds: [] };
		default:
			return { objectId: idText(value.id ?? value.result_id), objectLevel: null, objectIds: [] };
	}
}

function dedupeKey(entryId: string, timeUnix: number, field: string, value: IDataObject): string {
	const digest = createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
	return `${entryId}:${timeUnix}:${field}:${digest}`;
}

function readTime(raw: unknown, entryIndex: number): number {
	const time = typeof raw === 'string' ? Number(raw) : raw;
	if (typeof time !== 'number' || !Number.isFinite(time) || time <= 0) {
		throw new WebhookPayloadError(`entry ${entryIndex} has no valid "time" (Unix seconds): ${JSON.stringify(raw)}`);
	}
	// Meta sends seconds; a millisecond value would land in the year 50,000+.
	return time > 1e11 ? Math.floor(time / 1000) : time;
}

export interface ParseOptions {
	/** Fields the workflow wants; changes of other known fields are dropped. */
	fields: ReadonlySet<string>;
	/** Emit changes of fields AdPilot does not know (flagged knownField: false) instead of dropping them. */
	includeUnknownFields: boolean;
}

export interface ParsedDelivery {
	events: MetaWebhookEvent[];
	/** Changes not emitted, with why: for the log and the tests. */
	dropped: Array<{ field: string; reason: 'notSelected' | 'unknownField' }>;
}

/** Parses one delivery. Throws WebhookPayloadError when the body is not a Meta webhook payload. */
export function parseDelivery(body: unknown, options: ParseOptions): ParsedDelivery {
	const payload = asObject(body);
	if (!payload) throw new WebhookPayloadError('the body is not a JSON object');
	const object = payload.object;
	if (object !== 'ad_account' && object !== 'page') {
		throw new WebhookPayloadError(`"object" is ${JSON.stringify(object)}; this trigger handles "ad_account" and "page" notifications`);
	}
	if (!Array.isArray(payload.entry)) throw new WebhookPayloadError('"entry" is not a list');
	const events: MetaWebhookEvent[] = [];
	const dropped: ParsedDelivery['dropped'] = [];
	payload.entry.forEach((rawEntry, entryIndex) => {
		const entry = asObject(rawEntry);
		const entryId = idText(entry?.id);
		if (!entry || !entryId) throw new WebhookPayloadError(`entry ${entryIndex} has no "id"`);
		const timeUnix = readTime(entry.time, entryIndex);
		const changes = Array.isArray(entry.changes) ? entry.changes : [];
		changes.forEach((rawChange, changeIndex) => {
			const change = asObject(rawChange);
			const field = typeof change?.field === 'string' ? change.field : '';
			if (field === '') throw new WebhookPayloadError(`entry ${entryIndex}, change ${changeIndex} has no "field"`);
			const info = fieldInfo(object, field);
			if (!info && !options.includeUnknownFields) return void dropped.push({ field, reason: 'unknownField' });
			if (info && !options.fields.has(field)) return void dropped.push({ field, reason: 'notSelected' });
			const value = asObject(change?.value) ?? {};
			events.push({
				schema: META_EVENT_SCHEMA,
				platform: 'meta',
				object,
				field,
				knownField: info !== undefined,
				entryId,
				time: new Date(timeUnix * 1000).toISOString(),
				timeUnix,
				accountId: object === 'ad_account' ? entryId : idText(value.ad_account_id),
				pageId: object === 'page' ? entryId : null,
				...subjectIds(info, value),
				value,
				dedupeKey: dedupeKey(entryId, timeUnix, field, value),
			});
		});
	});
	return { events, dropped };
}
