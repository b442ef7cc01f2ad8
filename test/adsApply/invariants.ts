/**
 * What must hold for every change Ads Apply sends, checked independently of
 * the engine's own code: the guardrails as a user reads them in the README.
 */
import type { EntityState } from '../../nodes/shared/platforms/platform';
import type { GuardrailSettings } from '../../nodes/AdsApply/engine/types';

export interface SentChange {
	platform: string;
	accountId: string;
	entityId: string;
	level: string;
	property: string;
	before: number | string;
	after: number | string;
	currency: string | null;
	actionFloor?: number;
	actionCeiling?: number;
	revert?: boolean;
}

const EPS = 1e-6;

/** Returns the broken rules (empty when every guardrail held). */
export function guardrailViolations(
	sent: SentChange[],
	settings: GuardrailSettings,
	context: { states: Map<string, EntityState | Error>; recentMoneyChange: (key: string) => boolean },
): string[] {
	const broken: string[] = [];
	if (sent.length > settings.maxActions) broken.push(`${sent.length} changes > maxActions ${settings.maxActions}`);
	const seen = new Set<string>();
	const increase = new Map<string, number>();
	for (const c of sent) {
		const key = `${c.platform}:${c.accountId}:${c.level}:${c.entityId}`;
		const state = context.states.get(key);
		if (!state || state instanceof Error) broken.push(`${key}: sent for an entity that was not read`);
		if (seen.has(`${key}|${c.property}`)) broken.push(`${key}: two changes of ${c.property}`);
		seen.add(`${key}|${c.property}`);
		if (settings.allowedAccounts.length && !settings.allowedAccounts.includes(c.accountId)) broken.push(`${key}: account not allowed`);
		if (c.before === c.after) broken.push(`${key}: sent a change to the current value`);
		if (c.property === 'status') {
			if (c.after === 'active' && !settings.allowActivation) broken.push(`${key}: activation without Allow Activation`);
			continue;
		}
		const before = c.before as number;
		const after = c.after as number;
		if (state && !(state instanceof Error) && c.currency !== state.currency) broken.push(`${key}: currency ${c.currency} vs ${state.currency}`);
		if (!(after > 0)) broken.push(`${key}: non-positive target ${after}`);
		const delta = Math.abs(after - before);
		if (delta > (before * settings.maxChangePercent) / 100 + EPS) broken.push(`${key}: Δ ${delta} over ${settings.maxChangePercent} % of ${before}`);
		if (delta > settings.maxChangeAmount + EPS) broken.push(`${key}: Δ ${delta} over ${settings.maxChangeAmount}`);
		const floors = c.property.startsWith('budget') ? [settings.minBudget, c.actionFloor] : [];
		const ceilings = c.property.startsWith('budget') ? [settings.maxBudget, c.actionCeiling] : [];
		for (const floor of floors) if (floor != null && after < floor - EPS && after <= before) broken.push(`${key}: ${after} below floor ${floor} and not rising`);
		for (const ceiling of ceilings) if (ceiling != null && after > ceiling + EPS && after >= before) broken.push(`${key}: ${after} above ceiling ${ceiling} and not falling`);
		if (!c.revert && context.recentMoneyChange(key)) broken.push(`${key}: changed inside the cooldown`);
		if (c.property === 'budget.daily' && after > before) increase.set(`${c.platform}:${c.accountId}`, (increase.get(`${c.platform}:${c.accountId}`) ?? 0) + after - before);
	}
	for (const [account, sum] of increase) {
		if (sum > settings.maxDailyIncreasePerAccount + EPS) broken.push(`${account}: daily increase ${sum} over ${settings.maxDailyIncreasePerAccount}`);
	}
	return broken;
}
