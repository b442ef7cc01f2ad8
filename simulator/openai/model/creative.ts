/** Deterministic plans, copy and answers built from the brief and the data blocks. */
import { entityLines, fit, jsonBlock, num, titleCase, words, type Json } from './blocks';

function briefWords(blocks: Map<string, string>): { brief: Json; key: string[] } {
	const brief = jsonBlock(blocks, 'brief');
	const key = words(brief.product).slice(0, 6);
	return { brief, key: key.length ? key : ['Offer'] };
}

function headlines(key: string[]): string[] {
	const base = titleCase(key.slice(0, 3).join(' '));
	const list = [fit(base, 30), fit(`Shop ${base}`, 30), fit(`${titleCase(key[0])} Deals Today`, 30), 'Free Returns', 'Fast Delivery'];
	return [...new Set(list.filter(Boolean))];
}

function descriptions(key: string[]): string[] {
	const base = key.slice(0, 4).join(' ');
	return [fit(`Discover ${base}. Quality you can trust, delivered fast.`, 90), fit(`Order ${base} online today and enjoy easy returns.`, 90)];
}

export function copy(schemaName: string, instructions: string, blocks: Map<string, string>): Json {
	const { key } = briefWords(blocks);
	const count = Number(/Write (\d+) distinct/.exec(instructions)?.[1] ?? 2);
	const must = /must include: ([^.]+)\./.exec(instructions)?.[1]?.split(',').map((w) => w.trim()) ?? [];
	const prefix = must.length ? `${must.join(' ')} ` : '';
	const variants = Array.from({ length: count }, (_, i) =>
		schemaName.startsWith('adpilot_google')
			? { headlines: headlines(key).map((h, j) => (j === 0 ? fit(`${prefix}${h}`, 30) : h)).map((h, j) => (j === 1 ? fit(`${h} ${i + 1}`, 30) : h)), descriptions: descriptions(key), path1: fit(key[0].toLowerCase(), 15), path2: null }
			: { primaryText: fit(`${prefix}${titleCase(key.join(' '))}: made for you. Variant ${i + 1}.`, 125), headline: fit(`${prefix}${titleCase(key.slice(0, 3).join(' '))}`, 40), description: fit('Free returns', 30) },
	);
	return { variants };
}

export function googlePlan(blocks: Map<string, string>, breakHeadline: boolean): Json {
	const { brief, key } = briefWords(blocks);
	const theme = titleCase(key.slice(0, 2).join(' '));
	const group = (name: string, terms: string[]) => ({
		name,
		cpcBid: 0.8,
		keywords: terms.map((text, i) => ({ text: text.toLowerCase(), matchType: i === 0 ? 'EXACT' : 'PHRASE' })),
		ads: [{ headlines: breakHeadline ? ['This headline is far too long for Google Ads', ...headlines(key)] : headlines(key), descriptions: descriptions(key), path1: fit(key[0].toLowerCase(), 15), path2: null }],
	});
	return {
		rationale: `Search campaign around "${theme}" with an exact-match core and phrase-match variants, at the brief's budget.`,
		confidence: 0.7,
		name: fit(`${theme} | Search`, 60),
		budgetAmount: num(brief.dailyBudget) ?? 10,
		bidding: { strategy: 'MANUAL_CPC', targetCpa: null, targetRoas: null, maxCpcBidCeiling: null },
		negativeKeywords: [{ text: 'free', matchType: 'PHRASE' }],
		adGroups: [group(`${theme} - Core`, [key.slice(0, 2).join(' '), `buy ${key.slice(0, 2).join(' ')}`]), group(`${theme} - Generic`, [key.slice(1, 3).join(' ') || key[0], `${key[0]} online`])],
	};
}

const OBJECTIVE: Record<string, [string, string]> = {
	sales: ['OUTCOME_SALES', 'OFFSITE_CONVERSIONS'],
	leads: ['OUTCOME_LEADS', 'LEAD_GENERATION'],
	traffic: ['OUTCOME_TRAFFIC', 'LINK_CLICKS'],
	awareness: ['OUTCOME_AWARENESS', 'REACH'],
};

export function metaPlan(blocks: Map<string, string>): Json {
	const { brief, key } = briefWords(blocks);
	const theme = titleCase(key.slice(0, 3).join(' '));
	const [objective, goal] = OBJECTIVE[String(brief.goal)] ?? OBJECTIVE.sales;
	return {
		rationale: `One ${objective} campaign for "${theme}" with a broad ad set so Meta's delivery can learn.`,
		confidence: 0.7,
		campaign: { name: `${theme} | ${objective}`, objective, specialAdCategories: [] },
		adSet: { name: `${theme} | Broad`, optimizationGoal: goal, dailyBudget: num(brief.dailyBudget) ?? 10, ageMin: 18, ageMax: 65 },
		creative: { name: `${theme} | Link ad`, primaryText: fit(`${theme}: made for you. Order today with free returns.`, 125), headline: fit(theme, 40), description: 'Free returns', callToAction: 'SHOP_NOW' },
		ad: { name: `${theme} | Ad 1` },
	};
}

export function answer(blocks: Map<string, string>): Json {
	const entities = entityLines(blocks);
	const bySpend = [...entities].sort((a, b) => (num((b.cur as Json)?.spend) ?? 0) - (num((a.cur as Json)?.spend) ?? 0));
	const top = bySpend[0];
	if (!top) return { answer: 'There is no data to answer from.', numbersUsed: [] };
	const cur = (top.cur ?? {}) as Json;
	const used: Json[] = [{ entityId: top.id, metric: 'spend', window: 'current', value: cur.spend }];
	if (num(cur.cpa) !== null) used.push({ entityId: top.id, metric: 'cpa', window: 'current', value: cur.cpa });
	return { answer: `${String(top.id)} spent the most in the current window: ${String(cur.spend)}${num(cur.cpa) !== null ? ` at a CPA of ${String(cur.cpa)}` : ' without conversions'}.`, numbersUsed: used };
}
