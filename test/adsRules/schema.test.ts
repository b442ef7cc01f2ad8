import { parseRules, RuleValidationError } from '../../nodes/AdsRules/engine/schema';

function problems(raw: unknown): string[] {
	try {
		parseRules(raw);
	} catch (e) {
		if (e instanceof RuleValidationError) return e.problems;
		throw e;
	}
	throw new Error('expected a validation error');
}
const ok = { name: 'ok', level: 'adSet', conditions: { all: [{ metric: 'cpa', operator: '>', value: 1 }] }, actions: [{ kind: 'pause' }] };

describe('rule JSON validation', () => {
	it('points at the offending path for an unknown metric', () => {
		const bad = {
			...ok,
			name: 'bad',
			conditions: { all: [{ metric: 'cpa', operator: '>', value: 1 }, { metric: 'cpx', operator: '>', value: 1 }] },
		};
		const [p] = problems([ok, { ...ok, name: 'two' }, bad]);
		expect(p).toMatch(/^rules\[2\]\.conditions\.all\[1\]\.metric: unknown metric "cpx"; expected one of impressions, clicks, spend/);
		expect(p).toMatch(/daysSinceCreated, dailyBudget, lifetimeBudget$/);
	});

	it('reports every problem at once, each with its path', () => {
		const list = problems([
			{
				name: '',
				level: 'adgroup',
				window: 'last_week',
				conditions: { any: [{ metric: 'ctr', operator: '~', value: 'x' }, { metric: 'cpa', operator: 'between', value: [5] }] },
				actions: [{ kind: 'explode' }, { kind: 'changeBudgetByPercent', percent: 20, floor: 50, ceiling: 10 }],
				cooldown: { hours: -1 },
			},
		]);
		expect(list).toEqual(
			expect.arrayContaining([
				'rules[0].name: required text',
				'rules[0].level: expected one of account, campaign, adSet, ad, keyword, got "adgroup"',
				expect.stringMatching(/^rules\[0\]\.window: unknown window "last_week"/),
				expect.stringMatching(/^rules\[0\]\.conditions\.any\[0\]\.operator: unknown operator "~"/),
				'rules[0].conditions.any[0].value: expected a number, got "x"',
				'rules[0].conditions.any[1].value: between needs "value": [low, high], got [5]',
				expect.stringMatching(/^rules\[0\]\.actions\[0\]\.kind: unknown action "explode"/),
				'rules[0].actions[1].floor: floor (50) is above ceiling (10)',
				'rules[0].cooldown.hours: must be at least 0, got -1',
			]),
		);
	});

	it('rejects an empty rule list and a non-array', () => {
		expect(problems([])).toEqual(['rules: no rules; add a rule in the list, choose a preset, or paste rules as JSON']);
		expect(problems({})).toEqual(['rules: expected an array of rules, got object']);
	});

	it('requires allowActivation for resume', () => {
		expect(problems([{ ...ok, actions: [{ kind: 'resume' }] }])).toEqual([
			'rules[0].actions[0].kind: "resume" needs "allowActivation": true on the rule (AdPilot never activates anything by default)',
		]);
		expect(parseRules([{ ...ok, allowActivation: true, actions: [{ kind: 'resume' }] }])[0].actions).toEqual([{ kind: 'resume' }]);
	});

	it('checks params, change on lifetime, rank comparands, duplicates and gates', () => {
		const list = problems([
			{ ...ok, conditions: { metric: 'cpa', operator: '>', param: 'targetCpa' } },
			{ ...ok, name: 'b', conditions: { metric: 'ctr', window: 'lifetime', change: 'percent', operator: '<', value: -30 } },
			{ ...ok, name: 'c', conditions: { metric: 'roas', rank: 'bottom', operator: '<=', param: 'x' }, params: { x: 1 } },
			{ ...ok, name: 'c', minData: { impressions: 'many', clicks: 3 } },
			{ ...ok, name: 'd', conditions: { metric: 'dailyBudget', change: 'ratio', operator: '>', value: 1 } },
		]);
		expect(list).toEqual(
			expect.arrayContaining([
				'rules[0].conditions.param: unknown parameter "targetCpa"; define it in rules[0].params',
				'rules[1].conditions.window: a lifetime window has no previous window to compare with',
				expect.stringMatching(/^rules\[2\]\.conditions: a rank condition compares the rank with a constant "value"/),
				'rules[3].name: duplicate rule name "c" (also rules[2]); names key cooldowns and idempotency',
				'rules[3].minData.clicks: unknown field; expected impressions, spend, conversions or window',
				'rules[3].minData.impressions: expected a number, got "many"',
				'rules[4].conditions.metric: dailyBudget does not depend on a window, so change, rank and eachDay do not apply',
			]),
		);
	});

	it('normalises windows, defaults and single actions', () => {
		const [r] = parseRules([
			{
				name: 'n',
				level: 'campaign',
				window: 'last_14d_excl_today',
				conditions: [{ metric: 'spend', operator: '>', value: 1, window: { type: 'lastNDays', days: 3 } }],
				action: { kind: 'notify', message: 'hi' },
				minData: { spend: 5 },
			},
		]);
		expect(r.window).toEqual({ type: 'lastNDays', days: 14, excludeToday: true });
		expect(r.conditions).toMatchObject({ type: 'all', children: [{ window: { type: 'lastNDays', days: 3, excludeToday: false } }] });
		expect(r.actions).toEqual([{ kind: 'notify', message: 'hi', severity: 'warning' }]);
		expect(r.cooldown).toEqual({ hours: 24, maxPerWeek: 0 });
		expect(r.gates).toEqual({ minImpressions: 0, minSpend: 5, minConversions: 0, window: r.window });
	});
});
