import { reallocationMessage } from '../../nodes/AdsAnalytics/actions/reallocateBudget/message';

describe('reallocationMessage', () => {
	const base = { currency: 'USD', totalBudget: 500, totalSource: 'fixed' as const, basisLabel: 'ROAS', window: 'last 7 days to 2026-11-20', feasible: true, problem: null, skipped: 0 };

	it('says when nothing is worth changing, and names entities by id when they have no name', () => {
		const text = reallocationMessage({ ...base, allocations: [{ entityId: '42', entityName: null, currentAmount: 100, amount: 101, changePercent: 1, action: 'below minimum change' }] });
		expect(text).toBe('Budget reallocation proposal: 500.00 USD/day (fixed total), by ROAS over last 7 days to 2026-11-20\nNo change worth making.');
	});

	it('reports a total the caps could not reach', () => {
		const text = reallocationMessage({
			...base,
			feasible: false,
			problem: 'at most 24000 minor units',
			allocations: [{ entityId: '42', entityName: null, currentAmount: 100, amount: 120, changePercent: 20, action: 'setBudget' }],
		});
		expect(text.split('\n')).toEqual([
			'Budget reallocation proposal: 500.00 USD/day (fixed total), by ROAS over last 7 days to 2026-11-20',
			'• 42: 100.00 USD → 120.00 USD (+20 %)',
			'Not fully allocated: at most 24000 minor units',
		]);
	});
});
