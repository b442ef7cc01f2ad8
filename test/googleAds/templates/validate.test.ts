import { validateCampaignTemplate } from '../../../nodes/GoogleAds/templates';
import { validTemplate } from './fixtures';

function problemsOf(input: unknown): string[] {
	const parsed = validateCampaignTemplate(input);
	if (parsed.ok) throw new Error('expected problems');
	return parsed.problems;
}

describe('validateCampaignTemplate', () => {
	it('accepts a valid template and fills defaults', () => {
		const parsed = validateCampaignTemplate(validTemplate());
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value.channel).toBe('SEARCH');
		expect(parsed.value.containsEuPoliticalAdvertising).toBe('DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING');
		expect(parsed.value.networks).toEqual({ googleSearch: true, searchPartners: false, displayNetwork: false });
		expect(parsed.value.negativeKeywords).toEqual([
			{ text: 'free', matchType: 'PHRASE' },
			{ text: 'jobs', matchType: 'EXACT' },
		]);
		expect(parsed.value.adGroups[0].keywords[1]).toEqual({ text: 'running shoes', matchType: 'BROAD' });
	});

	it('accepts a JSON string', () => {
		expect(validateCampaignTemplate(JSON.stringify(validTemplate())).ok).toBe(true);
	});

	it('names the offending headline with its path and length', () => {
		const t = validTemplate() as any;
		t.adGroups[0].ads[0].headlines.push('This headline is far too long!!!!!');
		expect(problemsOf(t)).toContain(
			'adGroups[0].ads[0].headlines[3]: 34 characters, max 30 ("This headline is far too long!!!!!")',
		);
	});

	it('reports every problem at once, each with its path', () => {
		const t = validTemplate() as any;
		t.name = '';
		t.budget = { amount: 0 };
		t.bidding = { strategy: 'TARGET_CPA' };
		t.adGroups[0].ads[0].headlines = ['Only one'];
		t.adGroups[0].ads[0].descriptions = ['x'.repeat(91), 'ok'];
		t.adGroups[0].ads[0].path1 = 'a-very-long-path-1';
		t.adGroups[0].ads[0].finalUrl = 'not a url';
		t.adGroups[0].keywords[0].matchType = 'FUZZY';
		t.adGroups.push({ name: 'shoes' });
		const problems = problemsOf(t);
		expect(problems).toEqual(
			expect.arrayContaining([
				'name: required text',
				'budget.amount: must be greater than 0, got 0',
				'bidding.targetCpa: required, a number greater than 0',
				'adGroups[0].ads[0].headlines: 1 given, need 3–15',
				'adGroups[0].ads[0].descriptions[0]: 91 characters, max 90 ("' + 'x'.repeat(91) + '")',
				'adGroups[0].ads[0].path1: 18 characters, max 15 ("a-very-long-path-1")',
				'adGroups[0].ads[0].finalUrl: expected an http(s) URL, got "not a url"',
				'adGroups[0].keywords[0].matchType: expected EXACT, PHRASE, BROAD, got "FUZZY"',
				'adGroups[1].name: same name as adGroups[0]',
			]),
		);
	});

	it('rejects a budget that is not a number', () => {
		expect(problemsOf({ ...validTemplate(), budget: { amount: 'lots' } })).toContain('budget.amount: must be a number, got "lots"');
	});

	it('rejects non-Search channels, bad bidding and bad EU declaration', () => {
		const problems = problemsOf({
			...validTemplate(),
			channel: 'DISPLAY',
			bidding: { strategy: 'MANUAL_CPC', targetRoas: 3 },
			containsEuPoliticalAdvertising: 'maybe',
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				'channel: only SEARCH campaigns can be built from a template, got "DISPLAY"',
				'bidding.targetRoas: not used by MANUAL_CPC',
				expect.stringMatching(/^containsEuPoliticalAdvertising: /),
			]),
		);
	});

	it('rejects bids on negatives, duplicate headlines, bad pins and broken JSON', () => {
		const t = validTemplate() as any;
		t.negativeKeywords = [{ text: 'free', cpcBid: 1 }];
		t.adGroups[0].ads[0].headlines = ['Same', 'same', { text: 'Pinned', pinnedField: 'DESCRIPTION_1' }];
		const problems = problemsOf(t);
		expect(problems).toEqual(
			expect.arrayContaining([
				'negativeKeywords[0].cpcBid: negative keywords have no bid',
				'adGroups[0].ads[0].headlines[1]: duplicates adGroups[0].ads[0].headlines[0] ("same")',
				'adGroups[0].ads[0].headlines[2].pinnedField: expected one of HEADLINE_1, HEADLINE_2, HEADLINE_3',
			]),
		);
		expect(problemsOf('{"name":')[0]).toMatch(/^template: not valid JSON/);
		expect(problemsOf([])).toEqual(['template: expected an object']);
	});

	it('counts characters as people do (emoji count once)', () => {
		const t = validTemplate() as any;
		t.adGroups[0].ads[0].headlines[0] = '🚀'.repeat(30);
		expect(validateCampaignTemplate(t).ok).toBe(true);
	});
});
