/**
 * Minimum-data gates: a rule does not judge an entity on too little data
 * (e.g. CTR after 40 impressions). A failed gate is a reported skip, not a
 * "no match", so users can tell "fine" from "not enough data yet".
 */
import type { Entity } from '../../shared/analysis/entities';
import type { Gates } from './types';
import { resolveWindow, windowLabel } from '../../shared/analysis/windows';

export interface GateResult {
	passed: boolean;
	checks: Array<{ label: string; left: number; operator: '>='; right: number; result: boolean }>;
	/** Human reason when the gate failed. */
	reason: string | null;
}

export function checkGates(gates: Gates | null, entity: Entity, today: number): GateResult {
	if (!gates) return { passed: true, checks: [], reason: null };
	const t = entity.series.totals(resolveWindow(gates.window, today));
	const wl = windowLabel(gates.window);
	const checks: GateResult['checks'] = [];
	const add = (name: string, left: number, min: number) => {
		if (min > 0) checks.push({ label: `gate: ${name} ${wl}`, left, operator: '>=', right: min, result: left >= min });
	};
	add('impressions', t.impressions, gates.minImpressions);
	add('spend', t.spend, gates.minSpend);
	add('conversions', t.conversions, gates.minConversions);
	const failed = checks.filter((c) => !c.result);
	return {
		passed: failed.length === 0,
		checks,
		reason: failed.length === 0 ? null : `gate: ${failed.map((c) => `${c.label.slice(6)} is ${c.left}, needs ≥ ${c.right}`).join('; ')}`,
	};
}
