import { makeIdempotencyKey, parseAction, stableStringify } from '../../nodes/shared/contracts';

const pause = {
	schema: 'adpilot.action/v1',
	platform: 'meta',
	accountId: '1001',
	level: 'adSet',
	entityId: '42',
	kind: 'pause',
	params: {},
	reason: 'CPA 31.20 above 1.5 × target 20',
	evidence: [{ label: 'cpa over last_7d', left: 31.2, operator: '>', right: 30, result: true }],
	source: { type: 'rule', ruleName: 'Pause high CPA' },
	idempotencyKey: 'abc',
	decidedAt: '2026-11-22T02:00:00.000Z',
};

describe('parseAction', () => {
	it('accepts a well-formed action', () => {
		expect(parseAction(pause)).toEqual({ ok: true, value: pause });
	});

	it('checks params by kind: budgets need a type, a positive amount and an ISO currency', () => {
		const result = parseAction({ ...pause, kind: 'setBudget', params: { budgetType: 'weekly', amount: 0, currency: 'euro' } });
		expect(result).toEqual({
			ok: false,
			problems: [
				'params.budgetType: expected daily or lifetime',
				'params.amount: must be greater than 0',
				'params.currency: expected an ISO 4217 code',
			],
		});
	});

	it('names missing top-level fields and unknown kinds', () => {
		const result = parseAction({ ...pause, platform: 'tiktok', kind: 'boost', idempotencyKey: '', evidence: 'none' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			'platform: expected meta or google',
			'kind: expected one of pause, resume, setBudget, changeBudgetByPercent, setBid, notify, create',
			'idempotencyKey: required string',
			'evidence: expected an array',
		]);
	});

	it('requires a message for notify and a spec for create', () => {
		expect(parseAction({ ...pause, kind: 'notify', params: { severity: 'info' } })).toEqual({
			ok: false,
			problems: ['params.message: required string'],
		});
		expect(parseAction({ ...pause, kind: 'create', params: { objectType: 'campaignFromTemplate', spec: 'x' } })).toEqual({
			ok: false,
			problems: ['params.spec: expected an object'],
		});
	});
});

describe('idempotency keys', () => {
	it('do not depend on key order, and differ when content differs', () => {
		const a = makeIdempotencyKey({ rule: 'r', entity: '42', params: { percent: 20, budgetType: 'daily' } });
		const b = makeIdempotencyKey({ params: { budgetType: 'daily', percent: 20 }, entity: '42', rule: 'r' });
		const c = makeIdempotencyKey({ rule: 'r', entity: '42', params: { percent: 25, budgetType: 'daily' } });
		expect(a).toBe(b);
		expect(a).not.toBe(c);
		expect(a).toMatch(/^[0-9a-f]{32}$/);
	});

	it('serialise undefined members away and keep arrays in order', () => {
		expect(stableStringify({ b: [2, 1], a: undefined, c: null })).toBe('{"b":[2,1],"c":null}');
	});
});
