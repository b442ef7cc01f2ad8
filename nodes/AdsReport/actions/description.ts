/** Parameters both report operations share: the period, the ranking and pacing. */
import type { INodeProperties } from 'n8n-workflow';

export const periodProperties: INodeProperties[] = [
	{
		displayName: 'Period',
		name: 'period',
		type: 'options',
		options: [
			{ name: 'Daily', value: 'daily', description: 'The reference day vs the day before' },
			{ name: 'Weekly', value: 'weekly', description: 'The 7 days ending on the reference day vs the 7 days before' },
			{ name: 'Monthly', value: 'monthly', description: 'Month to date vs the same days of the previous month' },
			{ name: 'Custom', value: 'custom', description: 'From → To vs as many days right before' },
		],
		default: 'weekly',
	},
	{
		displayName: 'Reference Date',
		name: 'referenceDate',
		type: 'string',
		default: '',
		placeholder: '2026-11-30',
		description: 'Last day of the report (YYYY-MM-DD). Empty: yesterday in the time zone below, the last complete day.',
		displayOptions: { hide: { period: ['custom'] } },
	},
	{ displayName: 'From', name: 'customFrom', type: 'string', default: '', placeholder: '2026-11-01', description: 'First day (YYYY-MM-DD)', displayOptions: { show: { period: ['custom'] } } },
	{ displayName: 'To', name: 'customTo', type: 'string', default: '', placeholder: '2026-11-30', description: 'Last day, inclusive (YYYY-MM-DD)', displayOptions: { show: { period: ['custom'] } } },
	{
		displayName: 'Timezone',
		name: 'timezone',
		type: 'string',
		default: '',
		placeholder: 'Europe/Berlin',
		description: "IANA time zone that decides what \"yesterday\" is and which day an applied change belongs to. Empty: the workflow's time zone.",
	},
];

export const rankingProperties: INodeProperties[] = [
	{
		displayName: 'Rank By',
		name: 'kpi',
		type: 'options',
		options: [
			{ name: 'Clicks', value: 'clicks' },
			{ name: 'Conversion Value', value: 'value' },
			{ name: 'Conversions', value: 'conversions' },
			{ name: 'CPA (Lower Is Better)', value: 'cpa' },
			{ name: 'CPC (Lower Is Better)', value: 'cpc' },
			{ name: 'CTR', value: 'ctr' },
			{ name: 'ROAS', value: 'roas' },
			{ name: 'Spend', value: 'spend' },
		],
		default: 'roas',
		description: 'KPI for the top and bottom lists, computed from summed totals over the current period',
	},
	{
		displayName: 'Rank Level',
		name: 'rankLevel',
		type: 'options',
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Ad', value: 'ad' },
			{ name: 'Ad Set / Ad Group', value: 'adSet' },
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Keyword', value: 'keyword' },
		],
		default: 'campaign',
		description: 'Which entities are ranked; campaigns are summed from finer rows when the input has no campaign rows',
	},
	{
		displayName: 'Monthly Budget',
		name: 'monthlyBudget',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: "Budget for the reference date's month, in major units; adds a pacing block (0 = no pacing). An Ads Analytics Forecast summary on the second input supplies the projection.",
	},
	{
		displayName: 'Budget Currency',
		name: 'budgetCurrency',
		type: 'string',
		default: '',
		placeholder: 'EUR',
		description: 'Currency of the monthly budget. Needed only when the rows have several currencies.',
		displayOptions: { hide: { monthlyBudget: [0] } },
	},
];

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'reportOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{ displayName: 'Chart Second Metric', name: 'chartSecondMetric', type: 'options', options: [{ name: 'Conversions', value: 'conversions' }, { name: 'ROAS', value: 'roas' }], default: 'conversions', description: 'What the lower chart panel shows beside spend' },
		{ displayName: 'Include CSV', name: 'includeCsv', type: 'boolean', default: true, description: 'Whether to attach the rows behind the report as CSV (binary property "csv")' },
		{ displayName: 'Include PDF-Ready HTML', name: 'includePdfHtml', type: 'boolean', default: true, description: 'Whether to add the print variant with an SVG chart (binary property "pdfHtml")' },
		{ displayName: 'Locale', name: 'locale', type: 'string', default: 'en-US', description: 'BCP 47 locale for numbers and money, e.g. de-DE' },
		{ displayName: 'Max Items per List', name: 'maxListed', type: 'number', typeOptions: { minValue: 1 }, default: 10, description: 'Campaigns, anomalies and actions listed before "and N more"' },
		{ displayName: 'Minimum Spend to Rank', name: 'minSpend', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'Entities that spent less in the period are not ranked (too little evidence)' },
		{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'Heading and subject; empty: e.g. "Weekly report · Ads performance"' },
		{ displayName: 'Top / Bottom Count', name: 'topN', type: 'number', typeOptions: { minValue: 1 }, default: 5, description: 'How many entities each list shows' },
	],
};
