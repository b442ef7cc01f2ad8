/**
 * Reads an input item as an action and says what it asks for. Anything that
 * is not a well-formed action is a problem naming the field, never a guess.
 */
import type { AdAction } from '../../shared/contracts/action';
import { parseAction, toFiniteNumber } from '../../shared/contracts/validate';
import type { Intent, PlanInput, Property } from './types';

export type ReadResult = { ok: true; input: PlanInput } | { ok: false; field: string; message: string };

function optionalPositive(value: unknown, field: string, problems: Array<[string, string]>): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const n = toFiniteNumber(value);
	if (n === undefined || n <= 0) problems.push([field, `expected a number greater than 0, got ${JSON.stringify(value)}`]);
	return n;
}

function intentOf(action: AdAction, problems: Array<[string, string]>): Intent {
	switch (action.kind) {
		case 'pause':
			return { type: 'status', status: 'paused' };
		case 'resume':
			return { type: 'status', status: 'active' };
		case 'setBudget':
			return { type: 'budget', budgetType: action.params.budgetType, amount: toFiniteNumber(action.params.amount), currency: action.params.currency };
		case 'changeBudgetByPercent': {
			const percent = toFiniteNumber(action.params.percent) as number;
			if (percent <= -100) problems.push(['params.percent', `must be above -100, got ${percent}`]);
			const floor = optionalPositive(action.params.floor, 'params.floor', problems);
			const ceiling = optionalPositive(action.params.ceiling, 'params.ceiling', problems);
			if (floor !== undefined && ceiling !== undefined && floor > ceiling) problems.push(['params.floor', `${floor} is above params.ceiling ${ceiling}`]);
			return { type: 'budget', budgetType: action.params.budgetType, percent, floor, ceiling, currency: action.params.currency };
		}
		case 'setBid':
			return { type: 'bid', amount: toFiniteNumber(action.params.amount) as number, currency: action.params.currency };
		case 'notify':
			return { type: 'notify' };
		default:
			return { type: 'create' };
	}
}

/** The first problem of an item as `field: message`, so the error names the field. */
export function readAction(json: unknown, itemIndex: number): ReadResult {
	const parsed = parseAction(json);
	if (!parsed.ok) {
		const [first] = parsed.problems;
		const field = first.split(':')[0];
		return { ok: false, field, message: parsed.problems.join('; ') };
	}
	const problems: Array<[string, string]> = [];
	// One spelling of an account everywhere (keys, refs, digests): no act_ prefix, no dashes.
	const action = { ...parsed.value, accountId: parsed.value.accountId.replace(/^act_/, '').replace(/-/g, '') } as AdAction;
	const intent = intentOf(action, problems);
	if (problems.length) return { ok: false, field: problems[0][0], message: problems.map(([f, m]) => `${f}: ${m}`).join('; ') };
	const revertOf = (json as { revertOf?: unknown }).revertOf;
	return { ok: true, input: { itemIndex, action, intent, ...(typeof revertOf === 'string' && revertOf ? { revertOf } : {}) } };
}

export function propertyOf(intent: Intent): Property | null {
	if (intent.type === 'status') return 'status';
	if (intent.type === 'budget') return intent.budgetType === 'daily' ? 'budget.daily' : 'budget.lifetime';
	if (intent.type === 'bid') return 'bid';
	if (intent.type === 'create') return 'create';
	return null;
}
