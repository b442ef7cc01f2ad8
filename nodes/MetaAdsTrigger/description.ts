/** The Meta Ads Trigger's parameters. */
import type { INodeProperties } from 'n8n-workflow';

import { AD_ACCOUNT_FIELDS, DEFAULT_AD_ACCOUNT_FIELDS } from './fields';

export const DEFAULT_DEDUPE_HOURS = 24;

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Meta calls this workflow\'s Production URL. The credential needs an App Secret: every delivery is checked against its signature, and unsigned or wrongly signed requests get HTTP 401 without starting the workflow.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Object',
		name: 'object',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Ad Account', value: 'ad_account', description: 'Ads with issues, finished processing, creative fatigue, recommendations' },
			{ name: 'Page (Lead Ads)', value: 'page', description: 'A lead submitted on one of the page\'s Lead Ads forms' },
		],
		default: 'ad_account',
	},
	{
		displayName: 'Ad Account ID',
		name: 'adAccountId',
		type: 'string',
		default: '',
		placeholder: 'act_1234567890',
		description: 'The ad account to install the app on (with or without act_). Needed when Subscription is Automatic.',
		displayOptions: { show: { object: ['ad_account'] } },
	},
	{
		displayName: 'Page ID',
		name: 'pageId',
		type: 'string',
		default: '',
		description: 'The page whose Lead Ads forms send leads. Needed when Subscription is Automatic.',
		displayOptions: { show: { object: ['page'] } },
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'multiOptions',
		options: AD_ACCOUNT_FIELDS.map((field) => ({ name: field.label, value: field.name, description: field.description })),
		default: DEFAULT_AD_ACCOUNT_FIELDS,
		description: 'Which ad account notifications start the workflow',
		displayOptions: { show: { object: ['ad_account'] } },
	},
	{
		displayName: 'Verify Token',
		name: 'verifyToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		description: 'Any secret text; Meta sends it back when it verifies the callback URL, and the trigger answers only when it matches',
	},
	{
		displayName: 'Subscription',
		name: 'subscription',
		type: 'options',
		options: [
			{ name: 'Automatic', value: 'automatic', description: 'Subscribe the app on activation and unsubscribe on deactivation' },
			{ name: 'Manual', value: 'manual', description: 'You set the callback URL and fields in the Meta App Dashboard (see README)' },
		],
		default: 'automatic',
	},
	{
		displayName: 'App ID',
		name: 'appId',
		type: 'string',
		default: '',
		description: 'Your Meta app\'s id; its App Secret is the one in the credential',
		displayOptions: { show: { subscription: ['automatic'] } },
	},
	{
		displayName: 'Re-Read Object',
		name: 'reRead',
		type: 'boolean',
		default: true,
		description:
			'Whether to fetch the object each notification names (ad object with status and issues, the fatigued ad, the lead\'s answers), since Meta sends ids only',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Duplicate Window (Hours)',
				name: 'dedupeHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_DEDUPE_HOURS,
				description: 'A change delivered again within this time (Meta retries) starts no second run. 0 turns this off.',
			},
			{
				displayName: 'Include Unknown Fields',
				name: 'includeUnknownFields',
				type: 'boolean',
				default: false,
				description: 'Whether to emit notifications of fields AdPilot does not know yet (flagged knownField: false) instead of ignoring them',
			},
		],
	},
];
