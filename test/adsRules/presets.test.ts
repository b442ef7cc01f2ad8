import { evaluateRules } from '../../nodes/AdsRules/engine/evaluate';
import { DEFAULT_PRESET_PARAMS, presetProblems, presetRule, type PresetName } from '../../nodes/AdsRules/engine/presets';
import { parseRules } from '../../nodes/AdsRules/engine/schema';
import { days, indexed, opts, type RowInput } from './helpers';

const params = { ...DEFAULT_PRESET_PARAMS, targetCpa: 20, targetRoas: 3, spendThreshold: 50, budgetCeiling: 115 };
function run(name: PresetName, input: RowInput[]) {
	return evaluateRules(parseRules([presetRule(name, params)]), indexed(input), new Map(), opts());
}
const statusOf = (res: ReturnType<typeof run>, id: string) => res.log.find((l) => l.entry.entityId === id)?.entry;

describe('presets', () => {
	it('lowCtr pauses CTR < 1 % only after 1,000 impressions', () => {
		const res = run('lowCtr', [
			...days('2025-03-10', 7, () => ({ entityId: 'low', impressions: 200, clicks: 1 })),
			...days('2025-03-10', 7, () => ({ entityId: 'few', impressions: 100, clicks: 0 })),
			...days('2025-03-10', 7, () => ({ entityId: 'good', impressions: 200, clicks: 4 })),
		]);
		expect(res.actions.map((a) => [a.action.entityId, a.action.kind])).toEqual([['low', 'pause']]);
		expect(statusOf(res, 'few')).toMatchObject({ status: 'skipped', reason: 'gate: impressions last_7d is 700, needs ≥ 1000' });
		expect(statusOf(res, 'good')?.status).toBe('notMatched');
	});

	it('highCpa pauses CPA > target (or no conversions) once spend reached 2× target', () => {
		const res = run('highCpa', [
			...days('2025-03-10', 7, () => ({ entityId: 'dear', spend: 10, conversions: 0.25 })), // CPA 40, spend 70
			...days('2025-03-10', 7, () => ({ entityId: 'none', spend: 10, conversions: 0 })),
			...days('2025-03-10', 7, () => ({ entityId: 'early', spend: 5, conversions: 0 })), // spend 35 < 40
			...days('2025-03-10', 7, () => ({ entityId: 'fine', spend: 10, conversions: 1 })), // CPA 10
		]);
		expect(res.actions.map((a) => a.action.entityId).sort()).toEqual(['dear', 'none']);
		expect(statusOf(res, 'early')?.reason).toBe('gate: spend last_7d is 35, needs ≥ 40');
		expect(statusOf(res, 'fine')?.status).toBe('notMatched');
	});

	it('scaleWinners raises the budget +20 % up to the ceiling only when ROAS > target each of the last 3 days', () => {
		const res = run('scaleWinners', [
			...days('2025-03-10', 3, () => ({ entityId: 'win', spend: 10, value: 40, attributes: { dailyBudget: 100 } })),
			...days('2025-03-10', 3, (i) => ({ entityId: 'dip', spend: 10, value: i === 0 ? 20 : 80, attributes: { dailyBudget: 100 } })),
		]);
		expect(res.actions).toHaveLength(1);
		const a = res.actions[0].action;
		expect(a.entityId).toBe('win');
		if (a.kind !== 'changeBudgetByPercent') throw new Error(`unexpected ${a.kind}`);
		// +20 % of 100 would be 120; the ceiling 115 caps it, so the sent change is +15 %.
		expect(a.params.percent).toBeCloseTo(15, 9);
		expect(a.params).toMatchObject({ ceiling: 115, currentAmount: 100, budgetType: 'daily' });
		expect(statusOf(res, 'dip')?.status).toBe('notMatched');
	});

	it('spendNoConversions notifies with a filled-in message', () => {
		const res = run('spendNoConversions', [
			...days('2025-03-10', 7, () => ({ entityId: 'burn', entityName: 'Burner', spend: 10 })),
			...days('2025-03-10', 7, () => ({ entityId: 'ok', spend: 10, conversions: 1 })),
		]);
		expect(res.actions.map((a) => a.action.params)).toEqual([
			{ severity: 'warning', message: 'Burner (adSet burn) spent 70.00 EUR in last_7d up to 2025-03-10 with no conversions' },
		]);
	});

	it('names missing preset parameters', () => {
		const p = { ...DEFAULT_PRESET_PARAMS };
		expect(presetProblems('highCpa', p)).toEqual(['preset "highCpa": set Target CPA (a number above 0)']);
		expect(presetProblems('scaleWinners', p)).toEqual(['preset "scaleWinners": set Target ROAS (a number above 0)']);
		expect(presetProblems('spendNoConversions', p)).toEqual(['preset "spendNoConversions": set Spend Threshold (a number above 0)']);
		expect(presetProblems('lowCtr', p)).toEqual([]);
	});
});
