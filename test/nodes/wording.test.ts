import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

import { loadAdPilotNodes } from '../harness/nodeTypes';
import { withArticle } from '../../nodes/shared/text';

// Every text the node panel shows: node and property names and descriptions,
// every option's name, description and action (the "Create an ad" line of the
// actions list), hints and placeholders, for every AdPilot node.
type Option = INodePropertyOptions | INodeProperties | INodePropertyCollection;

function* texts(where: string, entries: readonly Option[] | undefined): Generator<[string, string]> {
	for (const entry of entries ?? []) {
		const e = entry as Partial<INodeProperties & INodePropertyOptions>;
		const here = `${where} > ${e.displayName ?? e.name ?? '?'}`;
		for (const key of ['displayName', 'name', 'description', 'action', 'hint', 'placeholder'] as const) {
			const value = e[key];
			if (typeof value === 'string') yield [`${here} (${key})`, value];
		}
		yield* texts(here, (e.options ?? []) as Option[]);
		yield* texts(here, ((entry as INodePropertyCollection).values ?? []) as Option[]);
	}
}

/** "a" before a vowel sound, or "an" before a consonant sound; the exceptions are spelled out. */
export function articleMistakes(text: string): string[] {
	const mistakes: string[] = [];
	for (const [, article, word] of text.matchAll(/\b(a|an|A|An)\s+([A-Za-z][\w-]*)/g)) {
		const vowelSound = /^[aeiou]/i.test(word) && !/^(one|once|uni|use|usa|usu|url|uuid|utf|eu)/i.test(word);
		const acronymWithVowelSound = /^[FHLMNRSX][A-Z0-9]*$/.test(word) && word.length > 1; // an HTTP, an SMS, an MCP
		const anIsRight = vowelSound || acronymWithVowelSound || /^(hour|honest|n8n)/i.test(word);
		if (article.toLowerCase() === 'a' && anIsRight) mistakes.push(`${article} ${word}`);
		if (article.toLowerCase() === 'an' && !anIsRight) mistakes.push(`${article} ${word}`);
	}
	return mistakes;
}

const nodes = Object.values(loadAdPilotNodes()).map((type) => type.description);

describe('the articles in every node panel text', () => {
	it('finds the mistakes the check is for (and lets good ones pass)', () => {
		expect(articleMistakes('Create a ad set')).toEqual(['a ad']);
		expect(articleMistakes('Get a Ad Creative, an campaign')).toEqual(['a Ad', 'an campaign']);
		expect(articleMistakes('Create an ad, a campaign, a unique URL, an HTTP call, a one-off, an hour, an n8n')).toEqual([]);
	});

	it.each(nodes.map((d) => [d.displayName, d]))('%s: "a"/"an" fit the next word', (_name, description) => {
		const d = description as INodeTypeDescription;
		const found: string[] = [];
		const all = [[`${d.displayName} (description)`, d.description] as [string, string], ...texts(d.displayName, d.properties)];
		expect(all.length).toBeGreaterThan(10);
		for (const [where, text] of all) for (const mistake of articleMistakes(text)) found.push(`${where}: "${mistake}" in "${text}"`);
		expect(found).toEqual([]);
	});

	it('the Meta Ads actions read "an ad", "an ad set", "an ad creative"', () => {
		const meta = nodes.find((d) => d.name === 'metaAds')!;
		const actions = [...texts('Meta Ads', meta.properties)].filter(([where]) => where.endsWith('(action)')).map(([, text]) => text);
		expect(actions).toEqual(expect.arrayContaining(['Create an ad', 'Pause an ad', 'Get an ad creative', 'Change the budget of an ad set by a percentage']));
	});

	it('withArticle picks the article by the first letter', () => {
		expect(withArticle('ad set')).toBe('an ad set');
		expect(withArticle('Campaign')).toBe('a Campaign');
	});
});
