/**
 * The rule validator's toolkit: a problem collector that names JSON paths,
 * number fields, windows and metrics. `schema.ts` (rules, gates, actions) and
 * `conditionSchema.ts` (condition trees) build on it.
 */
import { parseAmount } from '../../shared/money';
import { isRuleMetric, RULE_METRICS } from './metrics';
import type { Operator, RuleMetric, Window } from './types';

export const OPERATORS: readonly Operator[] = ['>', '>=', '<', '<=', '=', '!=', 'between', 'notBetween'];

export type Raw = Record<string, unknown>;
export const isRecord = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export class Ctx {
	readonly problems: string[] = [];
	add(path: string, message: string): void {
		this.problems.push(`${path}: ${message}`);
	}
	/** A number field; numeric strings are accepted because n8n UI fields may send them. */
	num(obj: Raw, key: string, path: string, opts: { required?: boolean; min?: number; integer?: boolean; positive?: boolean } = {}): number | undefined {
		const raw = obj[key];
		if (raw === undefined || raw === null || raw === '') {
			if (opts.required) this.add(`${path}.${key}`, 'required number');
			return undefined;
		}
		const v = parseAmount(raw);
		if (v === undefined) {
			this.add(`${path}.${key}`, `expected a number, got ${JSON.stringify(raw)}`);
			return undefined;
		}
		if (opts.positive && v <= 0) this.add(`${path}.${key}`, `must be greater than 0, got ${v}`);
		else if (opts.min !== undefined && v < opts.min) this.add(`${path}.${key}`, `must be at least ${opts.min}, got ${v}`);
		if (opts.integer && !Number.isInteger(v)) this.add(`${path}.${key}`, `must be a whole number, got ${v}`);
		return v;
	}
}

const WINDOW_TEXT = /^last_(\d+)d(_excl_today)?$/;

export function parseWindow(raw: unknown, path: string, ctx: Ctx): Window | undefined {
	if (typeof raw === 'string') {
		if (raw === 'today' || raw === 'yesterday') return { type: raw };
		if (raw === 'lifetime') return { type: 'lifetime', excludeToday: false };
		if (raw === 'lifetime_excl_today') return { type: 'lifetime', excludeToday: true };
		const m = WINDOW_TEXT.exec(raw);
		if (m && Number(m[1]) >= 1) return { type: 'lastNDays', days: Number(m[1]), excludeToday: m[2] !== undefined };
		ctx.add(path, `unknown window ${JSON.stringify(raw)}; expected today, yesterday, last_<N>d, last_<N>d_excl_today, lifetime or lifetime_excl_today`);
		return undefined;
	}
	if (isRecord(raw)) {
		const excludeToday = raw.excludeToday === true;
		switch (raw.type) {
			case 'today':
			case 'yesterday':
				return { type: raw.type };
			case 'lifetime':
				return { type: 'lifetime', excludeToday };
			case 'lastNDays': {
				const days = ctx.num(raw, 'days', path, { required: true, integer: true, min: 1 });
				return days === undefined ? undefined : { type: 'lastNDays', days, excludeToday };
			}
			default:
				ctx.add(`${path}.type`, `expected today, yesterday, lastNDays or lifetime, got ${JSON.stringify(raw.type)}`);
				return undefined;
		}
	}
	ctx.add(path, `expected a window such as "last_7d" or {"type":"lastNDays","days":7}, got ${JSON.stringify(raw)}`);
	return undefined;
}

export function parseMetric(raw: unknown, path: string, ctx: Ctx): RuleMetric | undefined {
	if (isRuleMetric(raw)) return raw;
	ctx.add(path, `unknown metric ${JSON.stringify(raw)}; expected one of ${RULE_METRICS.join(', ')}`);
	return undefined;
}
