import type { IDataObject } from 'n8n-workflow';

import { microsString, optionalAmount } from './money';

export const MATCH_TYPES = ['EXACT', 'PHRASE', 'BROAD'] as const;
export type MatchType = (typeof MATCH_TYPES)[number];

export const MATCH_TYPE_OPTIONS = [
	{ name: 'Exact', value: 'EXACT' },
	{ name: 'Phrase', value: 'PHRASE' },
	{ name: 'Broad', value: 'BROAD' },
];

/** Google's keyword limits: 80 characters, 10 words. */
const MAX_CHARS = 80;
const MAX_WORDS = 10;

export interface KeywordSpec {
	text: string;
	matchType: MatchType;
	/** Max CPC in major units; only used under manual bidding. */
	cpcBid?: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A keyword from a template or parameters: `"text"` (default match type) or
 * `{text, matchType, cpcBid}`. Match types may be lower case.
 */
export function validateKeyword(
	input: unknown,
	path: string,
	{ defaultMatchType = 'PHRASE', allowBid = true }: { defaultMatchType?: MatchType; allowBid?: boolean } = {},
): { keyword?: KeywordSpec; problems: string[] } {
	const problems: string[] = [];
	const record = typeof input === 'string' ? { text: input } : isRecord(input) ? input : undefined;
	if (!record) return { problems: [`${path}: expected text or {text, matchType}`] };
	const text = typeof record.text === 'string' ? record.text.trim() : '';
	if (text === '') problems.push(`${path}.text: required`);
	else if ([...text].length > MAX_CHARS) problems.push(`${path}.text: ${[...text].length} characters, max ${MAX_CHARS}`);
	else if (text.split(/\s+/).length > MAX_WORDS) problems.push(`${path}.text: more than ${MAX_WORDS} words`);
	const rawMatch = record.matchType === undefined || record.matchType === '' ? defaultMatchType : String(record.matchType).toUpperCase();
	if (!MATCH_TYPES.includes(rawMatch as MatchType)) {
		problems.push(`${path}.matchType: expected ${MATCH_TYPES.join(', ')}, got ${JSON.stringify(record.matchType)}`);
	}
	let cpcBid: number | undefined;
	if (record.cpcBid !== undefined && record.cpcBid !== null && record.cpcBid !== '') {
		if (!allowBid) problems.push(`${path}.cpcBid: negative keywords have no bid`);
		else {
			try {
				cpcBid = optionalAmount(record.cpcBid, `${path}.cpcBid`);
			} catch (error) {
				problems.push((error as Error).message);
			}
		}
	}
	if (problems.length) return { problems };
	return { keyword: { text, matchType: rawMatch as MatchType, ...(cpcBid !== undefined ? { cpcBid } : {}) }, problems };
}

/** A positive ad group keyword, PAUSED like everything AdPilot creates. */
export function adGroupKeywordCreate(adGroupResourceName: string, keyword: KeywordSpec): IDataObject {
	return {
		adGroup: adGroupResourceName,
		status: 'PAUSED',
		keyword: { text: keyword.text, matchType: keyword.matchType },
		...(keyword.cpcBid !== undefined ? { cpcBidMicros: microsString(keyword.cpcBid) } : {}),
	};
}

/** A negative keyword on an ad group (negatives only block, so they carry no status). */
export function adGroupNegativeCreate(adGroupResourceName: string, keyword: KeywordSpec): IDataObject {
	return { adGroup: adGroupResourceName, negative: true, keyword: { text: keyword.text, matchType: keyword.matchType } };
}

/** A negative keyword on a campaign (a campaign criterion). */
export function campaignNegativeCreate(campaignResourceName: string, keyword: KeywordSpec): IDataObject {
	return { campaign: campaignResourceName, negative: true, keyword: { text: keyword.text, matchType: keyword.matchType } };
}
