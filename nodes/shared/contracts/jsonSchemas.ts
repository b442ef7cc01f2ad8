/**
 * The two contracts as JSON Schema, for n8n's output-schema previews: the
 * editor shows a node's fields before it has run from
 * `__schema__/v1.0.0/{resource}/{operation}.json` beside the node's .node.js
 * (gulpfile.js writes them from OUTPUT_SCHEMAS). Built from the same constants
 * as the TypeScript contracts; test/contracts/jsonSchemas.test.ts validates
 * real node output against them, so the two cannot drift apart.
 */
import { ACTION_KINDS, ACTION_SCHEMA } from './action';
import { BASE_METRIC_NAMES, DERIVED_METRIC_NAMES, ENTITY_LEVELS, METRIC_ROW_SCHEMA } from './metricRow';

export interface JsonSchema {
	type?: string | string[];
	description?: string;
	enum?: readonly unknown[];
	const?: unknown;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean | JsonSchema;
	items?: JsonSchema;
}

const text = (description: string): JsonSchema => ({ type: 'string', description });
const nullableText = (description: string): JsonSchema => ({ type: ['string', 'null'], description });
const nullableNumber = (description: string): JsonSchema => ({ type: ['number', 'null'], description });
const PLATFORMS = ['meta', 'google', 'other'];
const NULLABLE_BASE = new Set(['reach', 'frequency']);

export const METRIC_ROW_JSON_SCHEMA: JsonSchema = {
	type: 'object',
	description: 'AdPilot metric row (adpilot.metricRow/v1): one entity and period, money in major units of currency',
	properties: {
		schema: { type: 'string', const: METRIC_ROW_SCHEMA },
		platform: { type: 'string', enum: PLATFORMS },
		level: { type: 'string', enum: ENTITY_LEVELS },
		entityId: text('Id of the entity at level'),
		entityName: nullableText('Name of the entity'),
		accountId: text('Meta: numeric id without act_; Google: customer id without dashes'),
		accountName: nullableText('Account name'),
		campaignId: nullableText('Campaign id'),
		campaignName: nullableText('Campaign name'),
		adSetId: nullableText('Meta ad set / Google ad group id'),
		adSetName: nullableText('Meta ad set / Google ad group name'),
		adId: nullableText('Ad id'),
		adName: nullableText('Ad name'),
		keywordId: nullableText('Keyword criterion id'),
		keywordText: nullableText('Keyword text'),
		date: text('First day of the period, YYYY-MM-DD'),
		dateStop: text('Last day of the period (inclusive)'),
		currency: text('ISO 4217 code of the account currency'),
		...Object.fromEntries(
			BASE_METRIC_NAMES.map((name) => [name, NULLABLE_BASE.has(name) ? nullableNumber(name) : { type: 'number', description: name }]),
		),
		...Object.fromEntries(DERIVED_METRIC_NAMES.map((name) => [name, nullableNumber(`${name}, from totals; null when its denominator is 0`)])),
		breakdowns: { type: 'object', description: 'Breakdown values (age, gender, device, …)', additionalProperties: { type: 'string' } },
		attributes: {
			type: 'object',
			description: 'Entity attributes (Include Entity Details)',
			properties: {
				status: nullableText('Effective status'),
				createdTime: nullableText('ISO timestamp the entity was created'),
				dailyBudget: nullableNumber('Daily budget, major units'),
				lifetimeBudget: nullableNumber('Lifetime budget, major units'),
			},
			additionalProperties: false,
		},
		raw: { type: 'object', description: "The platform's raw values (Include Raw Values)" },
	},
	required: [
		'schema', 'platform', 'level', 'entityId', 'accountId', 'date', 'dateStop', 'currency',
		...BASE_METRIC_NAMES, ...DERIVED_METRIC_NAMES,
	],
	additionalProperties: false,
};

export const ACTION_JSON_SCHEMA: JsonSchema = {
	type: 'object',
	description: 'AdPilot action (adpilot.action/v1): a proposed change; only applying it changes the platform',
	properties: {
		schema: { type: 'string', const: ACTION_SCHEMA },
		kind: { type: 'string', enum: ACTION_KINDS },
		platform: { type: 'string', enum: PLATFORMS },
		accountId: text('Meta: numeric id without act_; Google: customer id without dashes'),
		level: { type: 'string', enum: ENTITY_LEVELS },
		entityId: text('Id of the entity the action is about'),
		entityName: nullableText('Name of the entity'),
		params: { type: 'object', description: 'What to change; money in major units of params.currency' },
		reason: text('Why, in one sentence'),
		evidence: {
			type: 'array',
			items: {
				type: 'object',
				properties: {
					label: text('What was compared, e.g. cpa over last_7d'),
					left: { type: ['number', 'string', 'null'] },
					operator: { type: 'string' },
					right: { type: ['number', 'string', 'null'] },
					result: { type: 'boolean' },
				},
			},
		},
		source: {
			type: 'object',
			description: 'Who decided: rule, ai, analytics or manual',
			properties: { type: { type: 'string', enum: ['rule', 'ai', 'analytics', 'manual'] } },
		},
		idempotencyKey: text('Same decision about the same entity on the same day → same key'),
		decidedAt: text('ISO timestamp of the decision'),
	},
	required: ['schema', 'kind', 'platform', 'accountId', 'level', 'entityId', 'params', 'reason', 'evidence', 'source', 'idempotencyKey', 'decidedAt'],
	additionalProperties: false,
};

/**
 * Where each schema goes: beside which node, for which resource and
 * operation. A node without resource/operation parameters (Ads Rules) is
 * looked up by version alone. Version 1 of every node → `v1.0.0`.
 */
export const OUTPUT_SCHEMAS: ReadonlyArray<{ node: string; file: string; schema: JsonSchema }> = [
	{ node: 'MetaAds', file: 'v1.0.0/insights/get.json', schema: METRIC_ROW_JSON_SCHEMA },
	{ node: 'GoogleAds', file: 'v1.0.0/report/get.json', schema: METRIC_ROW_JSON_SCHEMA },
	// Ads Rules' first output, "Actions".
	{ node: 'AdsRules', file: 'v1.0.0.json', schema: ACTION_JSON_SCHEMA },
];
