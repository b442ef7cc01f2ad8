/**
 * The node's parameters. Every parameter is read once per execution.
 * Longer than 300 lines on purpose: one declarative list in the order the
 * form shows it (rules, presets, storage, options); split files would scatter
 * one screen of the editor across several.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ENTITY_LEVELS } from '../shared/contracts';
import { RULE_METRICS } from './engine/metrics';

const METRIC_LABELS: Record<string, string> = {
	impressions: 'Impressions',
	clicks: 'Clicks',
	spend: 'Spend',
	conversions: 'Conversions',
	value: 'Conversion Value',
	reach: 'Reach',
	frequency: 'Frequency',
	ctr: 'CTR (Ratio, 0.01 = 1 %)',
	cpc: 'CPC',
	cpm: 'CPM',
	cpa: 'CPA',
	roas: 'ROAS (Ratio)',
	daysSinceCreated: 'Days Since Created',
	dailyBudget: 'Daily Budget',
	lifetimeBudget: 'Lifetime Budget',
};
const LEVEL_LABELS: Record<string, string> = { account: 'Account', campaign: 'Campaign', adSet: 'Ad Set / Ad Group', ad: 'Ad', keyword: 'Keyword' };

const metricOptions: INodePropertyOptions[] = RULE_METRICS.map((m) => ({ name: METRIC_LABELS[m] ?? m, value: m }));
const levelOptions: INodePropertyOptions[] = ENTITY_LEVELS.map((l) => ({ name: LEVEL_LABELS[l] ?? l, value: l }));
const operatorOptions: INodePropertyOptions[] = [
	{ name: '>', value: '>' },
	{ name: '>=', value: '>=' },
	{ name: '<', value: '<' },
	{ name: '<=', value: '<=' },
	{ name: '=', value: '=' },
	{ name: '!=', value: '!=' },
	{ name: 'Between', value: 'between' },
	{ name: 'Not Between', value: 'notBetween' },
];
const windowOptions: INodePropertyOptions[] = [
	{ name: 'Today', value: 'today' },
	{ name: 'Yesterday', value: 'yesterday' },
	{ name: 'Last 3 Days', value: 'last_3d' },
	{ name: 'Last 7 Days', value: 'last_7d' },
	{ name: 'Last 14 Days', value: 'last_14d' },
	{ name: 'Last 30 Days', value: 'last_30d' },
	{ name: 'Lifetime', value: 'lifetime' },
	{ name: 'Custom Number of Days', value: 'custom' },
];

const conditionFields: INodeProperties[] = [
	{ displayName: 'Metric', name: 'metric', type: 'options', options: metricOptions, default: 'cpa' },
	{
		displayName: 'Window',
		name: 'window',
		type: 'options',
		options: [{ name: "Rule's Window", value: 'rule' }, ...windowOptions.filter((w) => w.value !== 'custom')],
		default: 'rule',
		description: 'Window of this condition; the other metric of "Another Metric" uses the same window',
	},
	{ displayName: 'Operator', name: 'operator', type: 'options', options: operatorOptions, default: '>' },
	{
		displayName: 'Compare With',
		name: 'compareWith',
		type: 'options',
		options: [
			{ name: 'A Value', value: 'value' },
			{ name: 'A Rule Parameter × Multiplier', value: 'param', description: 'E.g. 1.5 × targetCpa from Parameters (JSON)' },
			{ name: 'Another Metric × Multiplier', value: 'metric', description: 'E.g. 2 × Daily Budget' },
			{ name: 'Change vs Previous Window', value: 'previous', description: 'Value is a % change (or ratio) vs the window before' },
			{ name: 'Rank Among Peers', value: 'rank', description: 'Value is N: rank ≤ N means bottom/top N' },
		],
		default: 'value',
	},
	{ displayName: 'Value', name: 'value', type: 'number', typeOptions: { numberPrecision: 4 }, default: 0, displayOptions: { show: { compareWith: ['value', 'previous', 'rank'] } } },
	{ displayName: 'Upper Value', name: 'value2', type: 'number', typeOptions: { numberPrecision: 4 }, default: 0, displayOptions: { show: { operator: ['between', 'notBetween'] } } },
	{ displayName: 'Parameter Name', name: 'param', type: 'string', default: 'targetCpa', displayOptions: { show: { compareWith: ['param'] } } },
	{ displayName: 'Other Metric', name: 'otherMetric', type: 'options', options: metricOptions, default: 'dailyBudget', displayOptions: { show: { compareWith: ['metric'] } } },
	{ displayName: 'Multiplier', name: 'multiplier', type: 'number', typeOptions: { numberPrecision: 4 }, default: 1, displayOptions: { show: { compareWith: ['param', 'metric'] } } },
	{
		displayName: 'Change As',
		name: 'changeMode',
		type: 'options',
		options: [
			{ name: 'Percent Change (−30 = Dropped 30 %)', value: 'percent' },
			{ name: 'Ratio (0.7 = 70 % of Before)', value: 'ratio' },
		],
		default: 'percent',
		displayOptions: { show: { compareWith: ['previous'] } },
	},
	{
		displayName: 'Rank Direction',
		name: 'rankDirection',
		type: 'options',
		options: [
			{ name: 'Bottom (Lowest Values First)', value: 'bottom' },
			{ name: 'Top (Highest Values First)', value: 'top' },
		],
		default: 'bottom',
		displayOptions: { show: { compareWith: ['rank'] } },
	},
	{
		displayName: 'Rank Among',
		name: 'rankScope',
		type: 'options',
		options: [
			{ name: 'Same Level and Account', value: 'account' },
			{ name: 'Same Level, All Accounts', value: 'all' },
		],
		default: 'account',
		displayOptions: { show: { compareWith: ['rank'] } },
	},
	{ displayName: 'On Each Day of the Window', name: 'eachDay', type: 'boolean', default: false, description: 'Whether the comparison must hold on every single day of the window' },
];

const ruleFields: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, description: 'Unique; keys cooldowns and idempotency' },
	{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true },
	{ displayName: 'Level', name: 'level', type: 'options', options: levelOptions, default: 'adSet' },
	{ displayName: 'Window', name: 'window', type: 'options', options: windowOptions, default: 'last_7d' },
	{ displayName: 'Days', name: 'customDays', type: 'number', default: 7, typeOptions: { minValue: 1 }, displayOptions: { show: { window: ['custom'] } } },
	{ displayName: 'Exclude Today', name: 'excludeToday', type: 'boolean', default: false, description: 'Whether to end the window yesterday (late conversions)' },
	{
		displayName: 'Conditions Mode',
		name: 'conditionMode',
		type: 'options',
		options: [
			{ name: 'Simple Rows', value: 'simple' },
			{ name: 'JSON (Nested All/Any/Not)', value: 'json' },
		],
		default: 'simple',
	},
	{
		displayName: 'Combine',
		name: 'combine',
		type: 'options',
		options: [
			{ name: 'All Conditions (AND)', value: 'all' },
			{ name: 'Any Condition (OR)', value: 'any' },
		],
		default: 'all',
		displayOptions: { show: { conditionMode: ['simple'] } },
	},
	{
		displayName: 'Conditions',
		name: 'conditions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Condition',
		displayOptions: { show: { conditionMode: ['simple'] } },
		options: [{ displayName: 'Condition', name: 'condition', values: conditionFields }],
	},
	{
		displayName: 'Conditions (JSON)',
		name: 'conditionsJson',
		type: 'json',
		default: '{"all": [{"metric": "cpa", "operator": ">", "value": 30}]}',
		displayOptions: { show: { conditionMode: ['json'] } },
	},
	{ displayName: 'Parameters (JSON)', name: 'params', type: 'json', default: '{}', description: 'Named numbers conditions can use, e.g. {"targetCpa": 20}' },
	{ displayName: 'Min Impressions', name: 'minImpressions', type: 'number', default: 0, description: 'Skip entities with fewer impressions in the window (0 = no gate)' },
	{ displayName: 'Min Spend', name: 'minSpend', type: 'number', default: 0, description: 'Skip entities with less spend in the window (0 = no gate)' },
	{ displayName: 'Min Conversions', name: 'minConversions', type: 'number', default: 0, description: 'Skip entities with fewer conversions in the window (0 = no gate)' },
	{
		displayName: 'Action',
		name: 'actionKind',
		type: 'options',
		options: [
			{ name: 'Notify', value: 'notify' },
			{ name: 'Pause', value: 'pause' },
			{ name: 'Resume (Needs Allow Activation)', value: 'resume' },
			{ name: 'Change Budget by Percent', value: 'changeBudgetByPercent' },
			{ name: 'Set Budget', value: 'setBudget' },
			{ name: 'Set Bid', value: 'setBid' },
		],
		default: 'notify',
	},
	{ displayName: 'Allow Activation', name: 'allowActivation', type: 'boolean', default: false, displayOptions: { show: { actionKind: ['resume'] } }, description: 'Whether this rule may resume paused entities' },
	{ displayName: 'Percent', name: 'percent', type: 'number', default: 20, displayOptions: { show: { actionKind: ['changeBudgetByPercent'] } }, description: '+20 raises by 20 %, -15 lowers by 15 %' },
	{ displayName: 'Amount', name: 'amount', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, displayOptions: { show: { actionKind: ['setBudget', 'setBid'] } }, description: 'Major units of the account currency' },
	{
		displayName: 'Budget Type',
		name: 'budgetType',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'daily' },
			{ name: 'Lifetime', value: 'lifetime' },
		],
		default: 'daily',
		displayOptions: { show: { actionKind: ['changeBudgetByPercent', 'setBudget'] } },
	},
	{ displayName: 'Budget Floor', name: 'floor', type: 'number', default: 0, displayOptions: { show: { actionKind: ['changeBudgetByPercent', 'setBudget'] } }, description: 'Never below this (0 = none)' },
	{ displayName: 'Budget Ceiling', name: 'ceiling', type: 'number', default: 0, displayOptions: { show: { actionKind: ['changeBudgetByPercent', 'setBudget'] } }, description: 'Never above this (0 = none)' },
	{ displayName: 'Max Change %', name: 'maxPercent', type: 'number', default: 0, displayOptions: { show: { actionKind: ['changeBudgetByPercent', 'setBudget'] } }, description: 'Largest change per action in % of the current budget (0 = only the node-wide limit)' },
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		default: '{{entityName}}: CPA {{cpa}} over {{window}}',
		displayOptions: { show: { actionKind: ['notify'] } },
		description: 'Placeholders filled by the node: {{entityName}}, {{entityId}}, {{level}}, {{ruleName}}, {{window}}, {{date}}, {{currency}} and any metric, e.g. {{cpa}}',
	},
	{
		displayName: 'Severity',
		name: 'severity',
		type: 'options',
		options: [
			{ name: 'Info', value: 'info' },
			{ name: 'Warning', value: 'warning' },
			{ name: 'Critical', value: 'critical' },
		],
		default: 'warning',
		displayOptions: { show: { actionKind: ['notify'] } },
	},
	{ displayName: 'Cooldown (Hours)', name: 'cooldownHours', type: 'number', default: 24, description: 'At most once per this many hours per entity (0 = no limit)' },
	{ displayName: 'Max Times per Week', name: 'maxPerWeek', type: 'number', default: 0, description: 'At most this many times per rolling 7 days per entity (0 = no limit)' },
	{ displayName: 'Priority', name: 'priority', type: 'number', default: 0, description: 'Higher runs first' },
];

export const EXAMPLE_RULES_JSON = JSON.stringify(
	[
		{
			name: 'Pause high CPA',
			level: 'adSet',
			window: 'last_7d',
			params: { targetCpa: 20 },
			minData: { spend: 40 },
			conditions: { any: [{ metric: 'cpa', operator: '>', param: 'targetCpa', multiplier: 1.5 }, { metric: 'conversions', operator: '=', value: 0 }] },
			actions: [{ kind: 'pause' }],
			cooldown: { hours: 24 },
			priority: 10,
		},
	],
	null,
	2,
);

const presetOptions = [
	{ name: 'Pause When CTR Is Low', value: 'lowCtr', description: 'CTR < threshold after ≥ min impressions' },
	{ name: 'Pause When CPA Is Above Target', value: 'highCpa', description: 'CPA > target (or no conversions) after spend ≥ 2× target' },
	{ name: 'Raise Budget of Winners', value: 'scaleWinners', description: 'ROAS > target on each of the last 3 days: +N % up to the ceiling' },
	{ name: 'Notify on Spend Without Conversions', value: 'spendNoConversions', description: 'Spend ≥ threshold with zero conversions' },
];

/**
 * One line per preset that is on, above the rules list: with presets only, the
 * list itself reads "Currently no items exist", which looks like no rules at all.
 */
const presetNotices: INodeProperties[] = presetOptions.map((preset) => ({
	displayName: `Preset on: ${preset.name} (${preset.description}), evaluated with the rules below. Set it in Presets and Preset Parameters.`,
	name: `presetOn_${preset.value}`,
	type: 'notice',
	default: '',
	displayOptions: { show: { presets: [preset.value] } },
}));

export const properties: INodeProperties[] = [
	...presetNotices,
	{
		displayName: 'Rule Source',
		name: 'rulesSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Rules List', value: 'ui' },
			{ name: 'Rules (JSON)', value: 'json' },
		],
		default: 'ui',
	},
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Rule',
		displayOptions: { show: { rulesSource: ['ui'] } },
		options: [{ displayName: 'Rule', name: 'rule', values: ruleFields }],
	},
	{
		displayName: 'Rules (JSON)',
		name: 'rulesJson',
		type: 'json',
		default: EXAMPLE_RULES_JSON,
		displayOptions: { show: { rulesSource: ['json'] } },
		description: 'An array of rules; see the README for the format',
	},
	{
		displayName: 'Presets',
		name: 'presets',
		type: 'multiOptions',
		options: presetOptions,
		default: [],
		description: 'Ready-made rules added to the list',
	},
	{
		displayName: 'Preset Parameters',
		name: 'presetParams',
		type: 'collection',
		placeholder: 'Add Parameter',
		default: {},
		options: [
			{ displayName: 'Budget Ceiling', name: 'budgetCeiling', type: 'number', default: 0, description: 'Raise Budget: never above this daily budget (0 = none)' },
			{ displayName: 'Budget Increase %', name: 'budgetIncreasePercent', type: 'number', default: 20 },
			{ displayName: 'Cooldown (Hours)', name: 'cooldownHours', type: 'number', default: 24 },
			{ displayName: 'CTR Threshold %', name: 'ctrPercent', type: 'number', default: 1 },
			{ displayName: 'Level', name: 'level', type: 'options', options: levelOptions, default: 'adSet' },
			{ displayName: 'Min Impressions', name: 'minImpressions', type: 'number', default: 1000 },
			{ displayName: 'Spend Threshold', name: 'spendThreshold', type: 'number', default: 0 },
			{ displayName: 'Target CPA', name: 'targetCpa', type: 'number', default: 0 },
			{ displayName: 'Target ROAS', name: 'targetRoas', type: 'number', default: 0 },
			{ displayName: 'Window', name: 'window', type: 'options', options: windowOptions.filter((w) => w.value !== 'custom'), default: 'last_7d' },
		],
	},
	{
		displayName: 'Cooldown Storage',
		name: 'cooldownStorage',
		type: 'options',
		options: [
			{ name: 'Workflow Static Data', value: 'staticData', description: 'Saved by n8n after production (active) executions' },
			{ name: 'Data Table', value: 'dataTable', description: 'Needs an n8n that lets community nodes use Data Tables (2.40 does not)' },
		],
		default: 'staticData',
	},
	{
		displayName: 'Data Table ID',
		name: 'dataTableId',
		type: 'string',
		default: '',
		displayOptions: { show: { cooldownStorage: ['dataTable'] } },
		description: 'Columns scope, cooldownKey (text) and firedAt (number) are added when missing',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'Decision Log', name: 'decisionLog', type: 'boolean', default: false, description: 'Whether to output one item per entity and rule with every compared value on the third output' },
			{ displayName: 'Export Rules as JSON', name: 'exportRules', type: 'boolean', default: false, description: 'Whether to add an item with all rules (list and presets) as JSON to the Decision Log output, ready for Rules (JSON)' },
			{
				displayName: 'Match Mode',
				name: 'matchMode',
				type: 'options',
				options: [
					{ name: 'All Matching Rules Act', value: 'all' },
					{ name: 'First Match Wins per Entity', value: 'firstMatch', description: 'Only the highest-priority matching rule acts on an entity' },
				],
				default: 'all',
			},
			{ displayName: 'Max Budget Change %', name: 'maxBudgetChangePercent', type: 'number', default: 50, description: 'Node-wide cap on any budget change per action (0 = none)' },
			{ displayName: 'Preview Only', name: 'previewOnly', type: 'boolean', default: false, description: 'Whether to evaluate without recording cooldowns' },
			{ displayName: 'Reference Date', name: 'referenceDate', type: 'string', default: '', placeholder: '2025-01-31', description: '"Today" for windows (YYYY-MM-DD). Empty: the latest date in the data.' },
		],
	},
];
