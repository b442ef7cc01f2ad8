/**
 * Budget caps. A budget action never leaves its floor, ceiling or maximum
 * % change; when the caps cannot all hold, or the capped result would not
 * move the budget the way the rule asked, there is no action and the log
 * says why.
 */
import { round } from './metrics';

export interface BudgetCaps {
	floor: number | null;
	ceiling: number | null;
	/** Largest |change| in % of the current budget (the stricter of the rule's and the node's). */
	maxPercent: number | null;
}

export type BudgetPlan =
	| {
			ok: true;
			/** Percent to send (equals the capped change when the current budget is known). */
			percent: number;
			/** Resulting budget when the current budget is known. */
			amount: number | null;
			/** Which caps changed the request. */
			capped: string[];
	  }
	| { ok: false; reason: string };

const TOL = 1e-9;

/** Rounds to cents, staying inside [lo, hi]; keeps full precision when no cent fits. */
function roundWithin(t: number, lo: number, hi: number): number {
	let r = round(t, 2);
	if (r > hi) r = Math.floor(hi * 100 + TOL) / 100;
	if (r < lo) r = Math.ceil(lo * 100 - TOL) / 100;
	return r >= lo - TOL && r <= hi + TOL ? r : t;
}

/**
 * Moves `target` into every cap. `current` (when known) turns maxPercent into
 * an absolute band. Returns null when the caps do not overlap.
 */
function applyCaps(target: number, current: number | null, caps: BudgetCaps, capped: string[]): number | null {
	let lo = caps.floor ?? 0;
	let hi = caps.ceiling ?? Number.POSITIVE_INFINITY;
	if (current !== null && caps.maxPercent !== null) {
		lo = Math.max(lo, current * (1 - caps.maxPercent / 100));
		hi = Math.min(hi, current * (1 + caps.maxPercent / 100));
	}
	if (lo > hi + TOL) return null;
	let t = target;
	if (t > hi) {
		t = hi;
		capped.push(caps.ceiling !== null && hi === caps.ceiling ? `ceiling ${caps.ceiling}` : `max change ${caps.maxPercent} %`);
	}
	if (t < lo) {
		t = lo;
		capped.push(caps.floor !== null && lo === caps.floor ? `floor ${caps.floor}` : `max change ${caps.maxPercent} %`);
	}
	return roundWithin(t, lo, hi);
}

function conflict(current: number | null, caps: BudgetCaps): BudgetPlan {
	return {
		ok: false,
		reason: `caps conflict: floor ${caps.floor ?? 'none'}, ceiling ${caps.ceiling ?? 'none'} and max change ${caps.maxPercent ?? 'none'} % cannot all hold for the current budget ${current}`,
	};
}

function finish(current: number, target: number, requestedSign: number, capped: string[]): BudgetPlan {
	if (!(target > 0)) return { ok: false, reason: `the capped result ${target} is not a positive budget` };
	if (Math.abs(target - current) < 0.005 || Math.sign(target - current) !== requestedSign) {
		const at = capped.length ? ` (${capped.join(', ')})` : '';
		return { ok: false, reason: `budget stays at ${current}: the capped result ${round(target, 2)}${at} does not move it ${requestedSign > 0 ? 'up' : 'down'}` };
	}
	return { ok: true, percent: (target / current - 1) * 100, amount: target, capped };
}

export function planPercentChange(current: number | null, requested: number, caps: BudgetCaps): BudgetPlan {
	const capped: string[] = [];
	let p = requested;
	if (caps.maxPercent !== null && Math.abs(p) > caps.maxPercent) {
		p = Math.sign(p) * caps.maxPercent;
		capped.push(`max change ${caps.maxPercent} %`);
	}
	// Without the current budget the percent is bounded here and Apply enforces floor/ceiling (carried in params).
	if (current === null || !(current > 0)) return { ok: true, percent: p, amount: null, capped };
	const target = applyCaps(current * (1 + p / 100), current, caps, capped);
	return target === null ? conflict(current, caps) : finish(current, target, Math.sign(requested), capped);
}

export function planSetBudget(current: number | null, requested: number, caps: BudgetCaps): BudgetPlan {
	const capped: string[] = [];
	if (current === null || !(current > 0)) {
		if (caps.maxPercent !== null) {
			return { ok: false, reason: 'current budget unknown (no attributes.dailyBudget/lifetimeBudget), so the maximum % change cannot be enforced' };
		}
		const amount = applyCaps(requested, null, caps, capped);
		return amount === null ? conflict(current, caps) : { ok: true, percent: Number.NaN, amount, capped };
	}
	const target = applyCaps(requested, current, caps, capped);
	return target === null ? conflict(current, caps) : finish(current, target, Math.sign(requested - current) || 1, capped);
}
