import type { INodeProperties } from 'n8n-workflow';

import { DATE_PRESETS } from './dates';
import { maxThrottleWaitOption } from '../../transport';
import { adAccountLocator, adSetLocator, campaignLocator } from '../common/locators';
import { dateRangeFields } from '../../../shared/n8n/descriptions';

export const BREAKDOWNS = [
	'age', 'gender', 'country', 'region', 'dma', 'publisher_platform', 'platform_position', 'device_platform',
	'impression_device', 'frequency_value', 'hourly_stats_aggregated_by_advertiser_time_zone',
] as const;

export const ATTRIBUTION_WINDOWS = ['1d_click', '7d_click', '28d_click', '1d_view', '1d_ev'] as const;

const words = (value: string) => value.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());

const scopes = (values: string[]) => ({ scope: values });

/** Parameters of Insight → Get, before they are limited to that resource/operation. */
export const getProperties: INodeProperties[] = [
	{
		displayName: 'Object',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'Ad Account', value: 'account' },
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Ad Set', value: 'adset' },
			{ name: 'Ad', value: 'ad' },
		],
		default: 'account',
		description: 'Whose insights to read; the level below says how finely to break them down',
	},
	adAccountLocator({ displayOptions: { show: scopes(['account']) } }),
	// Only feeds the campaign / ad set lists below; the insights call uses the object itself.
	adAccountLocator({
		required: false,
		description: 'Optional: the account whose campaigns and ad sets the lists below show',
		displayOptions: { show: scopes(['campaign', 'adset']) },
	}),
	campaignLocator({ displayOptions: { show: scopes(['campaign']) } }),
	adSetLocator({ displayOptions: { show: scopes(['adset']) } }),
	{
		displayName: 'Ad',
		name: 'adId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		modes: [
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '120400000000000000',
				validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'Not a valid ad ID' } }],
			},
		],
		displayOptions: { show: scopes(['ad']) },
	},
	{
		displayName: 'Level',
		name: 'level',
		type: 'options',
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Ad Set', value: 'adset' },
			{ name: 'Ad', value: 'ad' },
		],
		default: 'campaign',
		description: 'One output row per entity of this level (and per day with Daily rows)',
	},
	{
		displayName: 'Period',
		name: 'dateMode',
		type: 'options',
		options: [
			{ name: 'Preset', value: 'preset' },
			{ name: 'Date Range', value: 'range' },
		],
		default: 'preset',
	},
	{
		displayName: 'Date Preset',
		name: 'datePreset',
		type: 'options',
		options: DATE_PRESETS.map((value) => ({ name: words(value), value })),
		default: 'last_7d',
		description: "Relative to today in the ad account's time zone",
		displayOptions: { show: { dateMode: ['preset'] } },
	},
	...dateRangeFields({ show: { dateMode: ['range'] } }),
	{
		displayName: 'Rows Per',
		name: 'timeIncrement',
		type: 'options',
		options: [
			{ name: 'Day', value: 'daily' },
			{ name: 'Whole Period', value: 'all_days' },
		],
		default: 'daily',
	},
	{
		displayName: 'Breakdowns',
		name: 'breakdowns',
		type: 'multiOptions',
		options: BREAKDOWNS.map((value) => ({ name: words(value), value })),
		default: [],
		description: 'Split each row by these dimensions; values appear under breakdowns',
	},
	{
		displayName: 'Conversion Preset',
		name: 'conversionPreset',
		type: 'options',
		options: [
			{
				name: 'Auto (by Campaign Objective)',
				value: 'auto',
				description: 'Leads for lead campaigns, purchases otherwise (purchases at account level)',
			},
			{ name: 'Sales', value: 'sales', description: 'Pixel and on-Facebook purchases' },
			{ name: 'Leads', value: 'leads', description: 'All leads (or pixel plus on-Facebook leads)' },
			{ name: 'Custom', value: 'custom', description: 'Your own list of action types' },
		],
		default: 'auto',
		description:
			'Which actions count as conversions and conversion value. An aggregate (purchase, omni_purchase, lead) is never added to the pixel or on-Facebook types it contains.',
	},
	{
		displayName: 'Conversion Action Types',
		name: 'conversionActionTypes',
		type: 'string',
		default: 'offsite_conversion.fb_pixel_purchase, onsite_conversion.purchase',
		description: 'Comma-separated action types to count, e.g. offsite_conversion.fb_pixel_lead',
		displayOptions: { show: { conversionPreset: ['custom'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Action Report Time',
				name: 'actionReportTime',
				type: 'options',
				options: [
					{ name: 'Impression', value: 'impression' },
					{ name: 'Conversion', value: 'conversion' },
					{ name: 'Mixed', value: 'mixed' },
				],
				default: 'impression',
				description: 'Whether conversions are dated by the ad impression or by the conversion itself',
			},
			{
				displayName: 'Additional Fields',
				name: 'extraFields',
				type: 'string',
				default: '',
				placeholder: 'inline_link_clicks, cost_per_action_type',
				description: 'Comma-separated Meta insights fields to request as well; they are returned under raw',
			},
			{
				displayName: 'Attribution Windows',
				name: 'attributionWindows',
				type: 'multiOptions',
				options: ATTRIBUTION_WINDOWS.map((value) => ({ name: value, value })),
				default: [],
				description: 'Attribution windows Meta reports actions for (action_attribution_windows)',
			},
			{
				displayName: 'Clicks Metric',
				name: 'clicksField',
				type: 'options',
				options: [
					{ name: 'All Clicks', value: 'clicks' },
					{ name: 'Link Clicks', value: 'inline_link_clicks' },
				],
				default: 'clicks',
				description: 'Which Meta clicks become clicks (and so CTR and CPC)',
			},
			{
				displayName: 'Conversion Window',
				name: 'conversionWindow',
				type: 'options',
				options: [
					{ name: 'Meta Default', value: 'value' },
					...ATTRIBUTION_WINDOWS.map((value) => ({ name: value, value })),
				],
				default: 'value',
				description: 'Which attribution window to count conversions in; pick one of the requested Attribution Windows',
			},
			{
				displayName: 'Include Deleted and Archived',
				name: 'includeDeletedArchived',
				type: 'boolean',
				default: false,
				description:
					'Whether to also report campaigns, ad sets or ads that are deleted or archived now. Meta leaves them out unless asked, so their spend in the period is missing and the rows do not add up to the account total. Off for rules (nothing to change on a deleted ad); on for reporting and reconciliation.',
			},
			{
				displayName: 'Include Entity Details',
				name: 'includeEntityDetails',
				type: 'boolean',
				default: false,
				description:
					'Whether to add each campaign, ad set or ad its status and created time, and for campaigns and ad sets the daily and lifetime budget in account currency, under attributes (what budget rules and Reallocate Budget read). Costs about one extra call per 500 entities.',
			},
			{
				displayName: 'Include Raw Values',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description: "Whether to keep Meta's row (actions, action_values, extra fields) under raw",
			},
			{
				displayName: 'Include Reach and Frequency',
				name: 'includeReach',
				type: 'boolean',
				default: true,
				description: 'Whether to request reach and frequency (costly for Meta; null when off)',
			},
			{
				displayName: 'Max Job Wait (Minutes)',
				name: 'maxJobWaitMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30,
				description: 'How long to wait for one async report job before failing with its ID',
			},
			maxThrottleWaitOption,
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'Auto', value: 'auto', description: 'Sync for small queries, async report jobs for large ones or when Meta times out' },
					{ name: 'Always Sync', value: 'sync' },
					{ name: 'Always Async', value: 'async' },
				],
				default: 'auto',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 5000 },
				default: 500,
				description: 'Rows per API page; halved automatically when Meta asks to reduce the amount of data',
			},
		],
	},
];
