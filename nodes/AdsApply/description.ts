/** Ads Apply's parameters: operation, Google authentication, approval, guardrails and options. */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_GUARDRAILS as D } from './engine/types';

const planOrApply = { show: { operation: ['plan', 'apply'] } };

export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Plan', value: 'plan', action: 'Plan changes from actions', description: 'Dry run: read the current state, run every guardrail, validate on the platform, and output the plan with its digest. Nothing changes.' },
		{ name: 'Apply', value: 'apply', action: 'Apply changes from actions', description: 'The same plan, then send the allowed changes (optionally only when its digest was approved)' },
		{ name: 'Revert', value: 'revert', action: 'Revert applied changes', description: 'Turn Apply audit items into the inverse actions, to run through Plan or Apply' },
	],
	default: 'plan',
};

export const authenticationProperty: INodeProperties = {
	displayName: 'Google Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2 (Sign in with Google)', value: 'oAuth2' },
		{ name: 'Refresh Token (Headless Servers)', value: 'refreshToken' },
	],
	default: 'oAuth2',
	description: 'Which Google Ads credential type to use for Google actions. Meta actions use the Meta credential.',
	displayOptions: planOrApply,
};

const approvalProperties: INodeProperties[] = [
	{
		displayName: 'Require Approved Digest',
		name: 'requireApprovedDigest',
		type: 'boolean',
		default: true,
		description: 'Whether to apply only when this plan\'s digest equals the approved one. Any difference applies nothing and lists the entities that differ.',
		displayOptions: { show: { operation: ['apply'] } },
	},
	{
		displayName: 'Approved Digest',
		name: 'approvedDigest',
		type: 'string',
		default: '',
		placeholder: 'sha256:…',
		description: 'The planDigest of the plan a person approved (e.g. from the Plan summary that was sent with Send and Wait for Response)',
		displayOptions: { show: { operation: ['apply'], requireApprovedDigest: [true] } },
	},
	{
		displayName: 'Approved Targets',
		name: 'approvedTargets',
		type: 'json',
		default: '[]',
		description: 'Optional: the approved plan summary\'s "targets", so a mismatch names exactly which entities differ',
		displayOptions: { show: { operation: ['apply'], requireApprovedDigest: [true] } },
	},
];

const money = (displayName: string, name: string, value: number | null, description: string): INodeProperties => ({
	displayName, name, type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: value ?? 0, description,
});

export const guardrailsProperty: INodeProperties = {
	displayName: 'Guardrails',
	name: 'guardrails',
	type: 'collection',
	placeholder: 'Change Guardrail',
	default: {},
	description: 'Every guardrail is on with the default shown; change the ones you need',
	displayOptions: planOrApply,
	options: [
		{ displayName: 'Allow Activation', name: 'allowActivation', type: 'boolean', default: D.allowActivation, description: 'Whether resume actions may re-activate paused entities (off: they are rejected)' },
		{ displayName: 'Allowed Accounts', name: 'allowedAccounts', type: 'string', default: '', placeholder: '1234567890, 9876543210', description: 'Comma-separated account IDs actions may touch (Meta without act_, Google without dashes). Empty: every account the credentials reach.' },
		{ displayName: 'Cooldown (Hours)', name: 'cooldownHours', type: 'number', typeOptions: { minValue: 0 }, default: D.cooldownHours, description: 'No second budget or bid change of an entity within this time, judged from the platform\'s history and the Recent Changes input' },
		{ displayName: 'Max Actions per Run', name: 'maxActions', type: 'number', typeOptions: { minValue: 0 }, default: D.maxActions, description: 'Changes beyond this are rejected; the highest priority and largest impact are kept' },
		money('Max Change Amount', 'maxChangeAmount', D.maxChangeAmount, 'Largest change of one budget or bid, in the account currency (major units)'),
		{ displayName: 'Max Change (%)', name: 'maxChangePercent', type: 'number', typeOptions: { minValue: 0 }, default: D.maxChangePercent, description: 'Largest change of one budget or bid, in % of its current value; larger asks are clamped' },
		money('Max Daily Increase per Account', 'maxDailyIncreasePerAccount', D.maxDailyIncreasePerAccount, 'Largest sum of daily budget increases per account in one run (account currency)'),
		money('Budget Ceiling', 'maxBudget', D.maxBudget, 'No budget above this (account currency); 0 = no ceiling'),
		money('Budget Floor', 'minBudget', D.minBudget, 'No budget below this (account currency); 0 = no floor'),
	],
};

export const optionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	displayOptions: planOrApply,
	options: [
		{
			displayName: 'Cooldown History',
			name: 'historySource',
			type: 'options',
			options: [
				{ name: 'Platform History and Recent Changes Input', value: 'both' },
				{ name: 'Platform History Only', value: 'platform' },
				{ name: 'Recent Changes Input Only', value: 'audit' },
			],
			default: 'both',
			description: 'Where cooldowns and Meta\'s hourly budget limit read past changes from: Meta\'s activities and Google\'s change_event, and/or audit rows on the second input',
		},
		{
			displayName: 'Validate on Platform',
			name: 'validateOnPlatform',
			type: 'boolean',
			default: true,
			description: 'Whether to have the platforms check every change without applying it (Meta validate_only, Google validateOnly) so a planned change is one they accept',
		},
	],
};

export const properties: INodeProperties[] = [operationProperty, authenticationProperty, ...approvalProperties, guardrailsProperty, optionsProperty];
