/** Reads the Guardrails and Options collections into engine settings, refusing nonsense before any call. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { DEFAULT_GUARDRAILS, type GuardrailSettings } from './engine/types';

export type HistorySource = 'both' | 'platform' | 'audit';

export interface RunOptions {
	historySource: HistorySource;
	validateOnPlatform: boolean;
}

function numberOption(ctx: IExecuteFunctions, raw: IDataObject, name: keyof GuardrailSettings, label: string): number {
	const value = raw[name] === undefined || raw[name] === '' ? DEFAULT_GUARDRAILS[name] : Number(raw[name]);
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
		throw new NodeOperationError(ctx.getNode(), `Guardrails → ${label} must be a number of at least 0, got ${JSON.stringify(raw[name])}`, { itemIndex: 0 });
	}
	return value;
}

/** 0 means "none" for the budget floor and ceiling. */
function optionalBound(value: number): number | null {
	return value > 0 ? value : null;
}

export function readGuardrails(ctx: IExecuteFunctions): GuardrailSettings {
	const raw = ctx.getNodeParameter('guardrails', 0, {}) as IDataObject;
	const accounts = String(raw.allowedAccounts ?? '')
		.split(/[\s,;]+/)
		.map((a) => a.replace(/^act_/, '').replace(/-/g, '').trim())
		.filter(Boolean);
	const settings: GuardrailSettings = {
		maxChangePercent: numberOption(ctx, raw, 'maxChangePercent', 'Max Change (%)'),
		maxChangeAmount: numberOption(ctx, raw, 'maxChangeAmount', 'Max Change Amount'),
		minBudget: optionalBound(raw.minBudget === undefined ? (DEFAULT_GUARDRAILS.minBudget ?? 0) : numberOption(ctx, raw, 'minBudget', 'Budget Floor')),
		maxBudget: optionalBound(raw.maxBudget === undefined ? (DEFAULT_GUARDRAILS.maxBudget ?? 0) : numberOption(ctx, raw, 'maxBudget', 'Budget Ceiling')),
		maxDailyIncreasePerAccount: numberOption(ctx, raw, 'maxDailyIncreasePerAccount', 'Max Daily Increase per Account'),
		allowedAccounts: accounts,
		allowActivation: raw.allowActivation === true,
		maxActions: Math.floor(numberOption(ctx, raw, 'maxActions', 'Max Actions per Run')),
		cooldownHours: numberOption(ctx, raw, 'cooldownHours', 'Cooldown (Hours)'),
		metaBudgetChangesPerHour: DEFAULT_GUARDRAILS.metaBudgetChangesPerHour,
	};
	if (settings.minBudget !== null && settings.maxBudget !== null && settings.minBudget > settings.maxBudget) {
		throw new NodeOperationError(ctx.getNode(), `Guardrails → Budget Floor (${settings.minBudget}) is above Budget Ceiling (${settings.maxBudget})`, { itemIndex: 0 });
	}
	return settings;
}

export function readRunOptions(ctx: IExecuteFunctions): RunOptions {
	const raw = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const source = raw.historySource;
	return {
		historySource: source === 'platform' || source === 'audit' ? source : 'both',
		validateOnPlatform: raw.validateOnPlatform !== false,
	};
}
