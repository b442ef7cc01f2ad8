/**
 * Mutations: per-resource `:mutate` and mixed `googleAds:mutate`, with
 * temporary negative ids, atomicity (undo on any failure), validateOnly
 * (validate, then undo) and partialFailure (keep the good ones).
 */
import { googleError, failureDetail, SimFailure, type FieldPathElement, type SimGoogleError } from './failure';
import { camel, RESOURCE_FIELDS } from './schema';
import { allocateId, type CollectionName, type Entity, type GoogleStore } from './store';

export const MUTATE_COLLECTIONS: Record<string, { collection: CollectionName; resource: string; snakeOp: string; resultKey: string }> = {
	campaigns: { collection: 'campaigns', resource: 'campaign', snakeOp: 'campaign_operation', resultKey: 'campaignResult' },
	campaignBudgets: { collection: 'campaignBudgets', resource: 'campaign_budget', snakeOp: 'campaign_budget_operation', resultKey: 'campaignBudgetResult' },
	adGroups: { collection: 'adGroups', resource: 'ad_group', snakeOp: 'ad_group_operation', resultKey: 'adGroupResult' },
	adGroupAds: { collection: 'adGroupAds', resource: 'ad_group_ad', snakeOp: 'ad_group_ad_operation', resultKey: 'adGroupAdResult' },
	adGroupCriteria: { collection: 'adGroupCriteria', resource: 'ad_group_criterion', snakeOp: 'ad_group_criterion_operation', resultKey: 'adGroupCriterionResult' },
	campaignCriteria: { collection: 'campaignCriteria', resource: 'campaign_criterion', snakeOp: 'campaign_criterion_operation', resultKey: 'campaignCriterionResult' },
};

/** googleAds:mutate operation keys → collection names. */
export const MIXED_KEYS: Record<string, string> = {
	campaignOperation: 'campaigns',
	campaignBudgetOperation: 'campaignBudgets',
	adGroupOperation: 'adGroups',
	adGroupAdOperation: 'adGroupAds',
	adGroupCriterionOperation: 'adGroupCriteria',
	campaignCriterionOperation: 'campaignCriteria',
};

const STATUSES = new Set(['ENABLED', 'PAUSED', 'REMOVED']);
const MATCH_TYPES = new Set(['EXACT', 'PHRASE', 'BROAD']);
const INT64_KEYS = new Set(['amountMicros', 'cpcBidMicros', 'id', 'criterionId']);
/** Keyword policy the simulator enforces; exemptible like Google's healthcare policy. */
const BLOCKED_KEYWORD = { word: 'pharmacy', policyName: 'pharma', externalPolicyName: 'Healthcare and medicines' };
/** Ad text policy: an unsubstantiated claim, exemptible by topic. */
const BLOCKED_AD_TEXT = { word: 'miracle', topic: 'UNSUBSTANTIATED_CLAIMS' };

type Op = Record<string, unknown>;
export interface MutateItem {
	collection: string;
	op: Op;
	/** Path of this operation in the request, e.g. [{fieldName:'operations', index:3}]. */
	prefix: FieldPathElement[];
}

class OpFailure extends Error {
	constructor(readonly errors: SimGoogleError[]) {
		super(errors[0]?.message);
	}
}

function fail(kind: string, code: string, message: string, path: string[], trigger?: string, details?: Record<string, unknown>): never {
	throw new OpFailure([googleError(kind, code, message, { path: path.map((fieldName) => ({ fieldName })), trigger, details })]);
}

function normalizeInt64(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(normalizeInt64);
	if (!value || typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
		out[k] = INT64_KEYS.has(k) && (typeof v === 'number' || typeof v === 'string') ? String(v) : normalizeInt64(v);
	}
	return out;
}

interface Session {
	store: GoogleStore;
	cid: string;
	temp: Map<string, string>;
}

/** A reference that may name a resource created earlier in the same request by a negative id. */
function resolve(s: Session, rn: unknown): string {
	const text = String(rn ?? '');
	return s.temp.get(text) ?? text;
}

function requireRef(s: Session, value: unknown, collection: CollectionName, path: string[]): string {
	if (value === undefined || value === null || value === '') fail('fieldError', 'REQUIRED', 'The required field was not present.', path);
	const rn = resolve(s, value);
	if (!s.store[collection].has(rn) || !rn.startsWith(`customers/${s.cid}/`)) {
		fail('mutateError', 'RESOURCE_NOT_FOUND', 'The requested resource was not found.', path, String(value));
	}
	return rn;
}

function checkStatus(status: unknown, path: string[]): void {
	if (status !== undefined && !STATUSES.has(String(status))) fail('requestError', 'INVALID_ENUM_VALUE', 'Enum value not recognized.', path, String(status));
}

function checkMicros(value: unknown, path: string[]): void {
	if (value === undefined) return;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0) fail('fieldError', 'INVALID_VALUE', 'The field has an invalid value.', path, String(value));
	if (n % 10_000 !== 0) {
		fail('campaignBudgetError', 'NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT', 'The budget amount must be a multiple of the minimum currency unit.', path, String(value));
	}
}

function checkAdText(op: Op, ad: Record<string, unknown>, base: string[]): void {
	const rsa = ad.responsiveSearchAd as { headlines?: Array<{ text?: string }>; descriptions?: Array<{ text?: string }> } | undefined;
	if (!Array.isArray(ad.finalUrls) || ad.finalUrls.length === 0) fail('fieldError', 'REQUIRED', 'The required field was not present.', [...base, 'final_urls']);
	if (!rsa) fail('fieldError', 'REQUIRED', 'The required field was not present.', [...base, 'responsive_search_ad']);
	const headlines = rsa.headlines ?? [];
	const descriptions = rsa.descriptions ?? [];
	const rsaPath = [...base, 'responsive_search_ad'];
	if (headlines.length < 3) fail('adError', 'TOO_FEW_HEADLINES', 'Responsive search ads need at least 3 headlines.', [...rsaPath, 'headlines']);
	if (headlines.length > 15) fail('adError', 'TOO_MANY_HEADLINES', 'Responsive search ads take at most 15 headlines.', [...rsaPath, 'headlines']);
	if (descriptions.length < 2) fail('adError', 'TOO_FEW_DESCRIPTIONS', 'Responsive search ads need at least 2 descriptions.', [...rsaPath, 'descriptions']);
	if (descriptions.length > 4) fail('adError', 'TOO_MANY_DESCRIPTIONS', 'Responsive search ads take at most 4 descriptions.', [...rsaPath, 'descriptions']);
	const errors: SimGoogleError[] = [];
	const check = (list: Array<{ text?: string }>, name: string, max: number) =>
		list.forEach((asset, i) => {
			const text = String(asset.text ?? '');
			if (text.length > max) {
				errors.push(googleError('stringLengthError', 'TOO_LONG', `Too long (max ${max} characters).`, {
					trigger: text,
					path: [...rsaPath.map((fieldName) => ({ fieldName })), { fieldName: name, index: i }, { fieldName: 'text' }],
				}));
			}
		});
	check(headlines, 'headlines', 30);
	check(descriptions, 'descriptions', 90);
	if (errors.length) throw new OpFailure(errors);
	const ignorable = ((op.policyValidationParameter as { ignorablePolicyTopics?: string[] } | undefined)?.ignorablePolicyTopics ?? []);
	const claim = [...headlines, ...descriptions].find((a) => String(a.text ?? '').toLowerCase().includes(BLOCKED_AD_TEXT.word));
	if (claim && !ignorable.includes(BLOCKED_AD_TEXT.topic)) {
		fail('policyFindingError', 'POLICY_FINDING', 'The resource has been disapproved since the policy summary includes policy topics of type PROHIBITED.', base, String(claim.text), {
			policyFindingDetails: { policyTopicEntries: [{ topic: BLOCKED_AD_TEXT.topic, type: 'PROHIBITED' }] },
		});
	}
}

/** A geo target or language constant: `geoTargetConstants/2840`, `languageConstants/1000`. */
function checkConstant(value: unknown, collection: string, path: string[]): void {
	if (value === undefined || value === null || value === '') fail('fieldError', 'REQUIRED', 'The required field was not present.', path);
	if (!new RegExp(`^${collection}/\\d+$`).test(String(value))) fail('fieldError', 'INVALID_VALUE', 'The field has an invalid value.', path, String(value));
}

function checkKeyword(op: Op, keyword: Record<string, unknown> | undefined, base: string[]): void {
	const text = keyword?.text;
	if (text === undefined || text === '') fail('fieldError', 'REQUIRED', 'The required field was not present.', [...base, 'keyword', 'text']);
	if (!MATCH_TYPES.has(String(keyword?.matchType))) {
		fail('fieldError', 'REQUIRED', 'The required field was not present.', [...base, 'keyword', 'match_type'], String(keyword?.matchType ?? ''));
	}
	if (String(text).length > 80) fail('criterionError', 'KEYWORD_TEXT_TOO_LONG', 'Keyword text is too long.', [...base, 'keyword', 'text'], String(text));
	if (String(text).toLowerCase().includes(BLOCKED_KEYWORD.word)) {
		const key = { policyName: BLOCKED_KEYWORD.policyName, violatingText: String(text) };
		const exempt = ((op.exemptPolicyViolationKeys as Array<{ policyName?: string; violatingText?: string }> | undefined) ?? []).some(
			(k) => k.policyName === key.policyName && k.violatingText === key.violatingText,
		);
		if (!exempt) {
			fail('policyViolationError', 'POLICY_ERROR', 'A policy was violated. See PolicyViolationDetails for more detail.', [...base, 'keyword', 'text'], String(text), {
				policyViolationDetails: {
					externalPolicyDescription: 'Online pharmacies need certification before advertising.',
					externalPolicyName: BLOCKED_KEYWORD.externalPolicyName,
					key,
					isExemptible: true,
				},
			});
		}
	}
}

/** Validates a create and returns the entity to store (without resourceName yet). */
function validateCreate(s: Session, collection: string, op: Op, create: Record<string, unknown>): Record<string, unknown> {
	const base = ['create'];
	const entity = normalizeInt64(create) as Record<string, unknown>;
	checkStatus(entity.status, [...base, 'status']);
	switch (collection) {
		case 'campaignBudgets':
			if (entity.amountMicros === undefined) fail('fieldError', 'REQUIRED', 'The required field was not present.', [...base, 'amount_micros']);
			checkMicros(entity.amountMicros, [...base, 'amount_micros']);
			entity.deliveryMethod ??= 'STANDARD';
			entity.period ??= 'DAILY';
			entity.explicitlyShared ??= true; // Google's default
			entity.referenceCount ??= '0';
			entity.status ??= 'ENABLED';
			break;
		case 'campaigns': {
			if (!entity.name) fail('fieldError', 'REQUIRED', 'The required field was not present.', [...base, 'name']);
			if (entity.containsEuPoliticalAdvertising === undefined) {
				fail('fieldError', 'REQUIRED', 'The required field was not present.', [...base, 'contains_eu_political_advertising']);
			}
			entity.campaignBudget = requireRef(s, entity.campaignBudget, 'campaignBudgets', [...base, 'campaign_budget']);
			const duplicate = [...s.store.campaigns.values()].some(
				(c) => c.resourceName.startsWith(`customers/${s.cid}/`) && c.name === entity.name && c.status !== 'REMOVED',
			);
			if (duplicate) fail('campaignError', 'DUPLICATE_CAMPAIGN_NAME', 'A campaign with this name already exists.', [...base, 'name'], String(entity.name));
			entity.status ??= 'ENABLED';
			entity.advertisingChannelType ??= 'SEARCH';
			entity.servingStatus = 'SERVING';
			break;
		}
		case 'adGroups':
			if (!entity.name) fail('fieldError', 'REQUIRED', 'The required field was not present.', [...base, 'name']);
			entity.campaign = requireRef(s, entity.campaign, 'campaigns', [...base, 'campaign']);
			checkMicros(entity.cpcBidMicros, [...base, 'cpc_bid_micros']);
			entity.status ??= 'ENABLED';
			entity.type ??= 'SEARCH_STANDARD';
			break;
		case 'adGroupAds':
			entity.adGroup = requireRef(s, entity.adGroup, 'adGroups', [...base, 'ad_group']);
			if (!entity.ad || typeof entity.ad !== 'object') fail('fieldError', 'REQUIRED', 'The required field was not present.', [...base, 'ad']);
			checkAdText(op, entity.ad as Record<string, unknown>, [...base, 'ad']);
			entity.status ??= 'ENABLED';
			entity.policySummary = { approvalStatus: 'APPROVED', reviewStatus: 'REVIEW_IN_PROGRESS' };
			break;
		case 'adGroupCriteria':
			entity.adGroup = requireRef(s, entity.adGroup, 'adGroups', [...base, 'ad_group']);
			checkKeyword(op, entity.keyword as Record<string, unknown> | undefined, base);
			checkMicros(entity.cpcBidMicros, [...base, 'cpc_bid_micros']);
			entity.type = 'KEYWORD';
			entity.negative ??= false;
			entity.status ??= 'ENABLED';
			entity.qualityInfo ??= { qualityScore: 5 };
			break;
		case 'campaignCriteria':
			entity.campaign = requireRef(s, entity.campaign, 'campaigns', [...base, 'campaign']);
			// Create from Template targets locations and languages as well as excluding keywords.
			if (entity.location !== undefined) {
				checkConstant((entity.location as Record<string, unknown> | null)?.geoTargetConstant, 'geoTargetConstants', [...base, 'location', 'geo_target_constant']);
				entity.type = 'LOCATION';
				entity.negative ??= false;
			} else if (entity.language !== undefined) {
				checkConstant((entity.language as Record<string, unknown> | null)?.languageConstant, 'languageConstants', [...base, 'language', 'language_constant']);
				entity.type = 'LANGUAGE';
				entity.negative ??= false;
			} else {
				checkKeyword(op, entity.keyword as Record<string, unknown> | undefined, base);
				entity.type = 'KEYWORD';
				entity.negative ??= true;
			}
			entity.status ??= 'ENABLED';
			break;
	}
	return entity;
}

function newResourceName(s: Session, collection: string, entity: Record<string, unknown>, id: string): string {
	if (collection === 'adGroupAds') return `customers/${s.cid}/adGroupAds/${String(entity.adGroup).split('/')[3]}~${id}`;
	if (collection === 'adGroupCriteria') return `customers/${s.cid}/adGroupCriteria/${String(entity.adGroup).split('/')[3]}~${id}`;
	if (collection === 'campaignCriteria') return `customers/${s.cid}/campaignCriteria/${String(entity.campaign).split('/')[3]}~${id}`;
	return `customers/${s.cid}/${collection}/${id}`;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
	let node = target;
	for (let i = 0; i < path.length - 1; i++) node = (node[path[i]] ??= {}) as Record<string, unknown>;
	node[path[path.length - 1]] = value;
}

function readPath(source: unknown, path: string[]): unknown {
	let node = source;
	for (const key of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
	return node;
}

/** Applies one operation; returns its resource name and how to take it back. */
/** What one committed operation changed, for the change log. */
export interface AppliedChange {
	collection: string;
	resourceName: string;
	operation: 'create' | 'update' | 'delete';
	fields: Record<string, { before: unknown; after: unknown }>;
}

interface Applied {
	resourceName: string;
	undo: () => void;
	change: AppliedChange;
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, paths: string[][]): AppliedChange['fields'] {
	const fields: AppliedChange['fields'] = {};
	for (const keys of paths) {
		const was = readPath(before, keys);
		const now = readPath(after, keys);
		if (JSON.stringify(was) !== JSON.stringify(now)) fields[keys.join('.')] = { before: was ?? null, after: now ?? null };
	}
	return fields;
}

function applyOne(s: Session, collection: string, op: Op): Applied {
	const meta = MUTATE_COLLECTIONS[collection];
	const map = s.store[meta.collection];
	if (op.create && typeof op.create === 'object') {
		const entity = validateCreate(s, collection, op, op.create as Record<string, unknown>);
		const tempName = typeof entity.resourceName === 'string' ? entity.resourceName : undefined;
		const id = allocateId(s.store, collection);
		const resourceName = newResourceName(s, collection, entity, id);
		if (collection === 'adGroupAds') {
			entity.ad = { ...(entity.ad as object), id, resourceName: `customers/${s.cid}/ads/${id}` };
		} else if (collection === 'adGroupCriteria' || collection === 'campaignCriteria') {
			entity.criterionId = id;
		} else {
			entity.id = id;
		}
		entity.resourceName = resourceName;
		map.set(resourceName, entity as Entity);
		let budget: Entity | undefined;
		if (collection === 'campaigns') {
			budget = s.store.campaignBudgets.get(String(entity.campaignBudget));
			if (budget) budget.referenceCount = String(Number(budget.referenceCount ?? 0) + 1);
		}
		if (tempName && /[/~]-\d+$/.test(tempName)) s.temp.set(tempName, resourceName);
		return {
			resourceName,
			undo: () => {
				map.delete(resourceName);
				if (tempName) s.temp.delete(tempName);
				if (budget) budget.referenceCount = String(Number(budget.referenceCount) - 1);
			},
			change: { collection, resourceName, operation: 'create', fields: { status: { before: null, after: entity.status ?? null } } },
		};
	}
	if (op.update && typeof op.update === 'object') {
		const update = normalizeInt64(op.update) as Record<string, unknown>;
		const rn = resolve(s, update.resourceName);
		const current = map.get(rn);
		if (!current) fail('mutateError', 'RESOURCE_NOT_FOUND', 'The requested resource was not found.', ['update', 'resource_name'], String(update.resourceName ?? ''));
		const mask = String(op.updateMask ?? '').split(',').map((p) => p.trim()).filter(Boolean);
		if (!mask.length) fail('fieldMaskError', 'FIELD_MASK_MISSING', 'The field mask must be set for an update.', ['update_mask']);
		const known = new Set(RESOURCE_FIELDS[meta.resource].map((f) => f.split('.').map(camel).join('.')));
		for (const path of mask) {
			const camelPathText = path.split('.').map(camel).join('.');
			if (!known.has(camelPathText) || ['resourceName', 'id', 'criterionId'].includes(camelPathText)) {
				fail('fieldMaskError', 'FIELD_NOT_FOUND', `The field mask names a field that cannot be updated: ${path}.`, ['update_mask'], path);
			}
		}
		const snapshot = structuredClone(current);
		const next = structuredClone(current);
		for (const path of mask) {
			const keys = path.split('.').map(camel);
			const value = readPath(update, keys);
			const snakePath = ['update', ...path.split('.').map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))];
			if (keys[keys.length - 1] === 'status') checkStatus(value, snakePath);
			if (keys[keys.length - 1].endsWith('Micros')) checkMicros(value, snakePath);
			if (keys.join('.') === 'keyword.text') checkKeyword(op, { ...(next.keyword as object), text: value }, ['update']);
			setPath(next, keys, value);
		}
		map.set(rn, next as Entity);
		const fields = changedFields(snapshot, next, mask.map((path) => path.split('.').map(camel)));
		return { resourceName: rn, undo: () => map.set(rn, snapshot), change: { collection, resourceName: rn, operation: 'update', fields } };
	}
	if (op.remove !== undefined) {
		const rn = resolve(s, op.remove);
		const current = map.get(rn);
		if (!current) fail('mutateError', 'RESOURCE_NOT_FOUND', 'The requested resource was not found.', ['remove'], String(op.remove));
		const before = current.status;
		current.status = 'REMOVED';
		return {
			resourceName: rn,
			undo: () => (current.status = before),
			change: { collection, resourceName: rn, operation: 'delete', fields: { status: { before: before ?? null, after: 'REMOVED' } } },
		};
	}
	fail('mutateError', 'OPERATION_REQUIRED', 'An operation needs create, update or remove.', []);
}

export interface MutateRun {
	results: Array<{ resourceName: string } | null>;
	errors: SimGoogleError[];
	/** What was committed (empty under validateOnly or an atomic failure). */
	changes: AppliedChange[];
}

/**
 * Runs operations in order. Atomic unless partialFailure; validateOnly takes
 * everything back at the end. Throws SimFailure when an atomic run fails.
 */
export function runMutate(
	store: GoogleStore,
	cid: string,
	items: MutateItem[],
	opts: { partialFailure: boolean; validateOnly: boolean },
): MutateRun {
	if (items.length > 10_000) {
		throw new SimFailure(400, [googleError('mutateError', 'TOO_MANY_MUTATE_OPERATIONS', 'Too many mutate operations in one request (max 10,000).')]);
	}
	const s: Session = { store, cid, temp: new Map() };
	const undos: Array<() => void> = [];
	const changes: AppliedChange[] = [];
	const results: MutateRun['results'] = [];
	const errors: SimGoogleError[] = [];
	for (const item of items) {
		try {
			if (!MUTATE_COLLECTIONS[item.collection]) {
				throw new OpFailure([googleError('mutateError', 'OPERATION_REQUIRED', 'Unknown operation type.')]);
			}
			const done = applyOne(s, item.collection, item.op);
			undos.push(done.undo);
			changes.push(done.change);
			results.push({ resourceName: done.resourceName });
		} catch (error) {
			if (!(error instanceof OpFailure)) throw error;
			for (const e of error.errors) {
				const tail = e.location?.fieldPathElements ?? [];
				errors.push({ ...e, location: { fieldPathElements: [...item.prefix, ...tail] } });
			}
			results.push(null);
		}
	}
	const undoAll = () => {
		for (let i = undos.length - 1; i >= 0; i--) undos[i]();
	};
	if (errors.length && !opts.partialFailure) {
		undoAll();
		throw new SimFailure(400, errors);
	}
	if (opts.validateOnly) {
		undoAll();
		return { results, errors, changes: [] };
	}
	return { results, errors, changes };
}

/** The `partialFailureError` field of a mutate answer. */
export function partialFailureError(errors: SimGoogleError[]) {
	return {
		code: 3,
		message: `Multiple errors in 'details'. First error: ${errors[0]?.message ?? ''}`,
		details: [failureDetail(errors)],
	};
}
