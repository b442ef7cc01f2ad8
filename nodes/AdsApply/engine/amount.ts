/**
 * Guardrails for one budget or bid change, in whole platform units:
 * per-action and per-node floor and ceiling, then the change cap (± % of the
 * current value and ± money). A change outside them is clamped when a target
 * inside exists in the direction asked, else rejected; every check is recorded.
 */
import type { GuardrailCheck, GuardrailSettings } from './types';
import { fromUnits, unitsAtLeast, unitsAtMost } from './units';

export interface AmountJudgement {
	target: number | null;
	checks: GuardrailCheck[];
	reject?: string;
	/** A hint for the reason, e.g. that the amount looks like minor units. */
	hint?: string;
}

export interface AmountRequest {
	platform: string;
	currency: string;
	perMajor: number;
	current: number;
	requested: number;
	/** Set for absolute amounts (setBudget, setBid), where a unit mix-up is possible. */
	absolute: boolean;
	/** Action and node floors/ceilings in major units (undefined = none). */
	floors: Array<{ name: string; value: number | undefined }>;
	ceilings: Array<{ name: string; value: number | undefined }>;
}

/** A requested amount this many times the current one is never a tuning step. */
const ABSURD_RATIO = 10;

function major(units: number, req: AmountRequest): number {
	return fromUnits(units, req.platform, req.currency);
}

function boundsOf(req: AmountRequest, checks: GuardrailCheck[], target: number): { lo: number; hi: number; target: number } {
	let lo = 1;
	let hi = Number.POSITIVE_INFINITY;
	let next = target;
	for (const floor of req.floors) {
		if (floor.value === undefined) continue;
		const units = unitsAtLeast(floor.value, req.perMajor);
		lo = Math.max(lo, units);
		checks.push({ name: floor.name, limit: floor.value, value: major(next, req), outcome: next < units ? 'clamp' : 'pass' });
		next = Math.max(next, units);
	}
	for (const ceiling of req.ceilings) {
		if (ceiling.value === undefined) continue;
		const units = unitsAtMost(ceiling.value, req.perMajor);
		hi = Math.min(hi, units);
		checks.push({ name: ceiling.name, limit: ceiling.value, value: major(next, req), outcome: next > units ? 'clamp' : 'pass' });
		next = Math.min(next, units);
	}
	return { lo, hi, target: next };
}

function unitMixUpHint(req: AmountRequest): string | undefined {
	const asMajor = req.requested / 100;
	return Math.abs(asMajor - req.current) <= req.current * 0.5
		? ` The amount is about 100× the current ${major(req.current, req)} ${req.currency}: amounts are in major units (${major(req.current, req)}, not ${major(req.requested, req)}); minor units or cents were probably sent.`
		: undefined;
}

function capWindow(req: AmountRequest, settings: GuardrailSettings, checks: GuardrailCheck[], target: number): number {
	const byPercent = unitsAtMost((major(req.current, req) * settings.maxChangePercent) / 100, req.perMajor);
	const byMoney = unitsAtMost(settings.maxChangeAmount, req.perMajor);
	const delta = target - req.current;
	const percentSeen = req.current > 0 ? Math.round((Math.abs(delta) / req.current) * 10_000) / 100 : null;
	checks.push({ name: 'maxChangePercent', limit: settings.maxChangePercent, value: percentSeen, outcome: Math.abs(delta) > byPercent ? 'clamp' : 'pass' });
	checks.push({ name: 'maxChangeAmount', limit: settings.maxChangeAmount, value: major(Math.abs(delta), req), outcome: Math.abs(delta) > byMoney ? 'clamp' : 'pass' });
	const allowed = Math.min(byPercent, byMoney);
	return Math.min(req.current + allowed, Math.max(req.current - allowed, target));
}

function distanceToRange(value: number, lo: number, hi: number): number {
	return value < lo ? lo - value : value > hi ? value - hi : 0;
}

export function judgeAmount(req: AmountRequest, settings: GuardrailSettings): AmountJudgement {
	const checks: GuardrailCheck[] = [];
	const ratio = req.requested / req.current;
	if (req.absolute && (ratio >= ABSURD_RATIO || ratio <= 1 / ABSURD_RATIO)) {
		checks.push({ name: 'maxChangePercent', limit: settings.maxChangePercent, value: Math.round((ratio - 1) * 10_000) / 100, outcome: 'reject' });
		const hint = ratio >= ABSURD_RATIO ? unitMixUpHint(req) : undefined;
		return { target: null, checks, reject: `requested ${major(req.requested, req)} ${req.currency} is ${ratio >= 1 ? `${Math.round(ratio * 10) / 10}×` : `1/${Math.round(10 / ratio) / 10}`} the current ${major(req.current, req)} ${req.currency}, far outside the ±${settings.maxChangePercent} % change cap.${hint ?? ''}`, hint };
	}
	const bounded = boundsOf(req, checks, req.requested);
	if (bounded.lo > bounded.hi) {
		return { target: null, checks, reject: `the floor ${major(bounded.lo, req)} is above the ceiling ${major(bounded.hi, req)} ${req.currency} (action and node limits together)` };
	}
	const capped = capWindow(req, settings, checks, bounded.target);
	const before = distanceToRange(req.current, bounded.lo, bounded.hi);
	const after = distanceToRange(capped, bounded.lo, bounded.hi);
	if (after > 0 && after >= before) {
		return { target: null, checks, reject: `no ${req.currency} amount within the change cap of ${major(req.current, req)} satisfies the floor/ceiling (${major(bounded.lo, req)}–${Number.isFinite(bounded.hi) ? major(bounded.hi, req) : '∞'})` };
	}
	if (capped === req.current || Math.sign(capped - req.current) !== Math.sign(req.requested - req.current)) {
		return { target: null, checks, reject: `the guardrails leave no change in the direction asked (requested ${major(req.requested, req)}, current ${major(req.current, req)} ${req.currency})` };
	}
	return { target: capped, checks };
}
