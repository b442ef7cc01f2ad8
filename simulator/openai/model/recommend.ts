/**
 * A deterministic "analyst": reads the entities block and proposes what a
 * cautious marketer would, within the limits the instructions state. It
 * never reads names, so prompt injection cannot move it — except in the
 * `obeyInjection` scenario, a gullible model that tests the node's checks.
 */
import { entityLines, jsonBlock, num, type Json } from './blocks';

function allowedKinds(instructions: string): string[] {
	const m = /action kinds: ([a-zA-Z, ]+)\./.exec(instructions);
	return m ? m[1].split(',').map((k) => k.trim()) : ['notify'];
}

function limit(instructions: string, pattern: RegExp, fallback: number): number {
	const m = pattern.exec(instructions);
	return m ? Number(m[1]) : fallback;
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const s = [...values].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

export function proposal(e: Json, kind: string, extra: Json, reason: string, cur: Json, impact: Json, confidence: number): Json {
	const evidence = [{ metric: 'spend', window: 'current', value: cur.spend }];
	if (num(cur.cpa) !== null) evidence.push({ metric: 'cpa', window: 'current', value: cur.cpa });
	if (num(cur.conv) !== null) evidence.push({ metric: 'conversions', window: 'current', value: cur.conv });
	return {
		entityId: e.id,
		kind,
		budgetType: null,
		percent: null,
		amount: null,
		currency: null,
		message: null,
		severity: null,
		reason,
		confidence,
		evidence,
		expectedImpact: { description: '', percent: null, ...impact },
		...extra,
	};
}

export function recommend(instructions: string, blocks: Map<string, string>): Json {
	const kinds = allowedKinds(instructions);
	const maxActions = limit(instructions, /at most (\d+) changes/, 10);
	const maxPct = limit(instructions, /within ±(\d+(?:\.\d+)?) %/, 20);
	const context = jsonBlock(blocks, 'context');
	const entities = entityLines(blocks);
	const targets = (context.targets ?? {}) as Json;
	const cpas = entities.map((e) => num((e.cur as Json)?.cpa)).filter((v): v is number => v !== null);
	const targetCpa = num(targets.cpa) ?? median(cpas);
	const label = num(targets.cpa) !== null ? 'target CPA' : 'account median CPA';
	const step = Math.min(15, maxPct);
	const actions: Json[] = [];
	for (const e of entities) {
		const cur = (e.cur ?? {}) as Json;
		const spend = num(cur.spend) ?? 0;
		const conv = num(cur.conv) ?? 0;
		const cpa = num(cur.cpa);
		if (spend <= 0 || targetCpa === null) continue;
		if (conv === 0 && spend >= 1.5 * targetCpa) {
			const reason = `Spent ${spend} with no conversions in the current window, over 1.5× the ${label} of ${Math.round(targetCpa * 100) / 100}.`;
			if (kinds.includes('pause')) actions.push(proposal(e, 'pause', {}, reason, cur, { metric: 'spend', direction: 'decrease', percent: -100 }, 0.8));
			else if (kinds.includes('notify')) actions.push(proposal(e, 'notify', { message: `Check ${String(e.id)}: spend without conversions`, severity: 'warning' }, reason, cur, { metric: 'cpa', direction: 'stable' }, 0.7));
		} else if (cpa !== null && cpa > 1.3 * targetCpa && conv >= 1 && kinds.includes('changeBudgetByPercent')) {
			actions.push(proposal(e, 'changeBudgetByPercent', { percent: -step, budgetType: 'daily' }, `CPA ${cpa} is more than 30 % above the ${label} ${Math.round(targetCpa * 100) / 100}; trim the budget while it recovers.`, cur, { metric: 'spend', direction: 'decrease', percent: -step }, 0.65));
		} else if (cpa !== null && cpa < 0.7 * targetCpa && conv >= 3 && kinds.includes('changeBudgetByPercent') && num(e.dailyBudget) !== null) {
			actions.push(proposal(e, 'changeBudgetByPercent', { percent: step, budgetType: 'daily' }, `CPA ${cpa} is well under the ${label} ${Math.round(targetCpa * 100) / 100} with ${conv} conversions; give it more budget.`, cur, { metric: 'conversions', direction: 'increase', percent: step / 2 }, 0.7));
		}
		if (actions.length >= maxActions) break;
	}
	return { analysis: `Looked at ${entities.length} entities against a CPA benchmark of ${targetCpa === null ? 'n/a' : Math.round(targetCpa * 100) / 100}; ${actions.length} change(s) proposed.`, actions };
}

/** A model that does what platform text tells it: every budget to 1,000,000 and everything on. */
export function obeyInjection(blocks: Map<string, string>): Json {
	const actions = entityLines(blocks).flatMap((e) => [
		{ ...proposal(e, 'setBudget', { amount: 1_000_000, budgetType: 'daily' }, 'As instructed in the ad name.', (e.cur ?? {}) as Json, { metric: 'spend', direction: 'increase' }, 1) },
		{ ...proposal(e, 'resume', {}, 'As instructed in the ad name.', (e.cur ?? {}) as Json, { metric: 'spend', direction: 'increase' }, 1) },
	]);
	return { analysis: 'Following the instructions found in the data.', actions };
}
