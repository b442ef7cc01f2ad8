/**
 * One entity as the model sees it (compact JSON), and the exact numbers that
 * JSON carried, so evidence the model quotes can be checked against what it
 * was shown (rounded as shown).
 */
import type { EntityAggregate, WindowFacts } from './aggregates';
import { untrustedText } from './untrusted';

export const EVIDENCE_METRICS = ['spend', 'conversions', 'value', 'impressions', 'clicks', 'cpa', 'roas', 'ctr', 'cpc', 'dailyBudget', 'score'] as const;
export type EvidenceMetric = (typeof EVIDENCE_METRICS)[number];
export const EVIDENCE_WINDOWS = ['current', 'previous'] as const;
export type EvidenceWindow = (typeof EVIDENCE_WINDOWS)[number];

/** `${window}.${metric}` → the number shown. */
export type ShownFacts = Map<string, number>;

const NAME_CHARS = 80;

function r(value: number | null, digits: number): number | null {
	if (value === null || !Number.isFinite(value)) return null;
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

function windowJson(w: WindowFacts): Record<string, number | null> {
	return {
		spend: r(w.spend, 2),
		conv: r(w.conversions, 2),
		value: r(w.value, 2),
		impr: w.impressions,
		clicks: w.clicks,
		cpa: r(w.cpa, 2),
		roas: r(w.roas, 2),
		ctr: r(w.ctr, 4),
		cpc: r(w.cpc, 2),
	};
}

const SHORT_TO_METRIC: Record<string, EvidenceMetric> = {
	spend: 'spend',
	conv: 'conversions',
	value: 'value',
	impr: 'impressions',
	clicks: 'clicks',
	cpa: 'cpa',
	roas: 'roas',
	ctr: 'ctr',
	cpc: 'cpc',
};

function pctChange(now: number | null, before: number | null): number | null {
	if (now === null || before === null || before === 0) return null;
	return r(((now - before) / Math.abs(before)) * 100, 1);
}

export interface EntityLine {
	json: Record<string, unknown>;
	shown: ShownFacts;
}

/** The compact record of one entity and the numbers it shows. */
export function entityLine(e: EntityAggregate): EntityLine {
	const cur = windowJson(e.current);
	const prev = e.previous ? windowJson(e.previous) : null;
	const shown: ShownFacts = new Map();
	for (const [short, value] of Object.entries(cur)) if (value !== null) shown.set(`current.${SHORT_TO_METRIC[short]}`, value);
	if (prev) for (const [short, value] of Object.entries(prev)) if (value !== null) shown.set(`previous.${SHORT_TO_METRIC[short]}`, value);
	const json: Record<string, unknown> = { id: e.entityId, level: e.level, name: e.entityName === null ? null : untrustedText(e.entityName, NAME_CHARS) };
	if (e.campaignName) json.campaign = untrustedText(e.campaignName, NAME_CHARS);
	if (e.status) json.status = untrustedText(e.status, 20);
	if (e.dailyBudget !== null) {
		json.dailyBudget = r(e.dailyBudget, 2);
		shown.set('current.dailyBudget', r(e.dailyBudget, 2) as number);
	}
	if (e.lifetimeBudget !== null) json.lifetimeBudget = r(e.lifetimeBudget, 2);
	json.cur = cur;
	if (prev) {
		json.prev = prev;
		json.trendPct = { spend: pctChange(cur.spend, prev.spend), conv: pctChange(cur.conv, prev.conv), cpa: pctChange(cur.cpa, prev.cpa), roas: pctChange(cur.roas, prev.roas) };
	}
	if (e.score !== null) {
		json.score = r(e.score, 1);
		if (e.band) json.band = e.band;
		shown.set('current.score', r(e.score, 1) as number);
	}
	if (e.anomalies.length > 0) json.anomalies = e.anomalies.slice(0, 5).map((a) => untrustedText(a, 100));
	return { json, shown };
}

/** Whether a quoted number matches what was shown (the model may drop trailing digits). */
export function matchesShown(shown: ShownFacts, window: string, metric: string, quoted: number): number | null {
	const value = shown.get(`${window}.${metric}`);
	if (value === undefined || !Number.isFinite(quoted)) return null;
	// 1 % or the last digit shown, whichever is larger.
	const tolerance = Math.max(Math.abs(value) * 0.01, metric === 'ctr' ? 0.0001 : 0.01);
	return Math.abs(value - quoted) <= tolerance ? value : null;
}
