import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../common';

const show = showFor('recommendChanges');

export const recommendDescription: INodeProperties[] = [
	{
		displayName: 'Input: AdPilot metric rows (either platform, any level), optionally with Ads Analytics score/anomaly items. Input 2: fallback actions (e.g. Ads Rules).',
		name: 'recommendNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	{
		displayName: 'Allowed Actions',
		name: 'allowedActions',
		type: 'multiOptions',
		options: [
			{ name: 'Change Budget by Percent', value: 'changeBudgetByPercent' },
			{ name: 'Notify', value: 'notify' },
			{ name: 'Pause', value: 'pause' },
			{ name: 'Resume (Activation)', value: 'resume' },
			{ name: 'Set Bid', value: 'setBid' },
			{ name: 'Set Budget', value: 'setBudget' },
		],
		default: ['pause', 'changeBudgetByPercent', 'notify'],
		description: 'The only kinds of action the model may propose; anything else is dropped. Resume activates delivery and is off by default.',
		displayOptions: show,
	},
	{
		displayName: 'Max Budget Change (%)',
		name: 'maxBudgetChangePercent',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 20,
		description: 'Budget proposals beyond ± this are dropped, not trimmed',
		displayOptions: show,
	},
	{
		displayName: 'Max Actions per Run',
		name: 'maxActions',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 20,
		displayOptions: show,
	},
	{
		displayName: 'Fallback',
		name: 'fallback',
		type: 'options',
		options: [
			{ name: 'Actions on Input 2 (E.g. Ads Rules)', value: 'rulesInput' },
			{ name: 'No Action', value: 'none' },
		],
		default: 'rulesInput',
		description: 'What comes out when the model refuses, is cut off, answers malformed JSON, or OpenAI stays rate-limited, down or slow. The AI answer is then never used in part.',
		displayOptions: show,
	},
	{ displayName: 'Target CPA', name: 'targetCpa', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Account currency; 0 = none', displayOptions: show },
	{ displayName: 'Target ROAS', name: 'targetRoas', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Ratio, e.g. 3 for 300 %; 0 = none', displayOptions: show },
	{ displayName: 'Monthly Budget', name: 'monthlyBudget', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Account currency; 0 = none', displayOptions: show },
	{
		displayName: 'Business Context',
		name: 'businessContext',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'We sell running shoes; margins allow a CPA up to 40 EUR; stock is low on trail models.',
		displayOptions: show,
	},
	{
		displayName: 'Calendar Notes',
		name: 'calendarNotes',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'Black Friday sale 28 Nov – 1 Dec; shop closed 24–26 Dec',
		description: 'Promotions, holidays, launches: typed here or fed by a calendar node. Read as data, never as instructions.',
		displayOptions: show,
	},
	{
		displayName: 'Recent Actions (JSON)',
		name: 'recentActions',
		type: 'json',
		default: '[]',
		description: 'Actions or audit rows of the last days (entityId, kind, decidedAt…), so the model does not repeat or undo them. A proposal that repeats one is dropped.',
		displayOptions: show,
	},
	{
		displayName: 'Options',
		name: 'recommendOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{ displayName: 'Input Token Budget', name: 'inputTokenBudget', type: 'number', typeOptions: { minValue: 1000 }, default: 8000, description: 'Upper bound of the prompt size; best and worst performers go in first, the rest is summarised' },
			{ displayName: 'Max Bid', name: 'maxBid', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0, description: 'Highest bid a Set Bid proposal may carry (account currency; 0 = no cap)' },
			{ displayName: 'Min Confidence', name: 'minConfidence', type: 'number', typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 }, default: 0, description: 'Proposals the model is less sure of are dropped' },
			{ displayName: 'Window (Days)', name: 'windowDays', type: 'number', typeOptions: { minValue: 1, maxValue: 90 }, default: 7, description: 'Current window length; the trend compares it with the window before' },
		],
	},
];
