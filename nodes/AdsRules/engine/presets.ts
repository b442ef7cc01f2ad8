/**
 * Ready-made rules, written in the same JSON format users write, so they are
 * validated, logged and exported like any other rule.
 */
import type { EntityLevel } from '../../shared/contracts';

export type PresetName = 'lowCtr' | 'highCpa' | 'scaleWinners' | 'spendNoConversions';

export const PRESET_NAMES: readonly PresetName[] = ['lowCtr', 'highCpa', 'scaleWinners', 'spendNoConversions'];

export interface PresetParams {
	level: EntityLevel;
	/** Window of the CTR, CPA and spend presets, e.g. "last_7d". */
	window: string;
	/** CTR threshold in percent (1 = 1 %). */
	ctrPercent: number;
	minImpressions: number;
	targetCpa: number | null;
	targetRoas: number | null;
	budgetIncreasePercent: number;
	budgetCeiling: number | null;
	spendThreshold: number | null;
	cooldownHours: number;
}

export const DEFAULT_PRESET_PARAMS: PresetParams = {
	level: 'adSet',
	window: 'last_7d',
	ctrPercent: 1,
	minImpressions: 1000,
	targetCpa: null,
	targetRoas: null,
	budgetIncreasePercent: 20,
	budgetCeiling: null,
	spendThreshold: null,
	cooldownHours: 24,
};

/**
 * Raw rule JSON for a preset. A preset whose required parameter is missing is
 * returned anyway with the parameter left out, so validation names it.
 */
export function presetRule(name: PresetName, p: PresetParams): Record<string, unknown> {
	const base = { level: p.level, cooldown: { hours: p.cooldownHours } };
	switch (name) {
		case 'lowCtr':
			return {
				...base,
				name: `Preset: pause when CTR < ${p.ctrPercent}% after ${p.minImpressions} impressions`,
				window: p.window,
				minData: { impressions: p.minImpressions },
				conditions: { all: [{ metric: 'ctr', operator: '<', value: p.ctrPercent / 100 }] },
				actions: [{ kind: 'pause' }],
			};
		case 'highCpa':
			return {
				...base,
				name: 'Preset: pause when CPA > target after spend ≥ 2× target',
				window: p.window,
				params: p.targetCpa === null ? {} : { targetCpa: p.targetCpa },
				...(p.targetCpa === null ? {} : { minData: { spend: 2 * p.targetCpa } }),
				// No conversions at all is the worst CPA; CPA itself is n/a then.
				conditions: { any: [{ metric: 'cpa', operator: '>', param: 'targetCpa' }, { metric: 'conversions', operator: '=', value: 0 }] },
				actions: [{ kind: 'pause' }],
			};
		case 'scaleWinners':
			return {
				...base,
				name: `Preset: raise budget ${p.budgetIncreasePercent}% when ROAS > target on each of the last 3 days`,
				window: 'last_3d',
				params: p.targetRoas === null ? {} : { targetRoas: p.targetRoas },
				conditions: { all: [{ metric: 'roas', operator: '>', param: 'targetRoas', eachDay: true }] },
				actions: [
					{
						kind: 'changeBudgetByPercent',
						percent: p.budgetIncreasePercent,
						budgetType: 'daily',
						maxPercent: p.budgetIncreasePercent,
						...(p.budgetCeiling === null ? {} : { ceiling: p.budgetCeiling }),
					},
				],
				// Scaling again before the platform re-learns wastes money: at most every 3 days.
				cooldown: { hours: Math.max(p.cooldownHours, 72), maxPerWeek: 2 },
			};
		case 'spendNoConversions':
			return {
				...base,
				name: `Preset: notify when spend ≥ ${p.spendThreshold ?? 'X'} with zero conversions`,
				window: p.window,
				conditions: {
					all: [
						{ metric: 'spend', operator: '>=', ...(p.spendThreshold === null ? {} : { value: p.spendThreshold }) },
						{ metric: 'conversions', operator: '=', value: 0 },
					],
				},
				actions: [
					{
						kind: 'notify',
						severity: 'warning',
						message: '{{entityName}} ({{level}} {{entityId}}) spent {{spend}} {{currency}} in {{window}} up to {{date}} with no conversions',
					},
				],
			};
	}
}

/** Missing preset parameters, named as in the node UI, so the error says what to fill in. */
export function presetProblems(name: PresetName, p: PresetParams): string[] {
	const need = (v: number | null, label: string) => (v === null || !(v > 0) ? [`preset "${name}": set ${label} (a number above 0)`] : []);
	switch (name) {
		case 'highCpa':
			return need(p.targetCpa, 'Target CPA');
		case 'scaleWinners':
			return need(p.targetRoas, 'Target ROAS');
		case 'spendNoConversions':
			return need(p.spendThreshold, 'Spend Threshold');
		default:
			return [];
	}
}
