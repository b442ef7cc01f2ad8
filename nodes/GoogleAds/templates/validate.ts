import type { Parsed } from '../../shared/contracts';
import { validateKeyword, type KeywordSpec } from '../actions/common/keywords';
import { validateResponsiveSearchAd, type ResponsiveSearchAdSpec } from '../actions/common/responsiveSearchAd';
import {
	BIDDING_STRATEGIES,
	type AdGroupTemplate,
	type BiddingSpec,
	type BiddingStrategy,
	type CampaignTemplate,
	type EuPoliticalAdvertising,
} from './types';

/** Google allows 10,000 operations per mutate; one template is one mutate. */
export const MAX_TEMPLATE_OPERATIONS = 10_000;

type Problems = string[];

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function name(raw: unknown, path: string, problems: Problems, max = 255): string {
	if (typeof raw !== 'string' || raw.trim() === '') {
		problems.push(`${path}: required text`);
		return '';
	}
	if ([...raw].length > max) problems.push(`${path}: ${[...raw].length} characters, max ${max}`);
	return raw.trim();
}

function positive(raw: unknown, path: string, problems: Problems, required: boolean): number | undefined {
	if (raw === undefined || raw === null || raw === '') {
		if (required) problems.push(`${path}: required, a number greater than 0`);
		return undefined;
	}
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isFinite(value)) {
		problems.push(`${path}: must be a number, got ${JSON.stringify(raw)}`);
		return undefined;
	}
	if (value <= 0) {
		problems.push(`${path}: must be greater than 0, got ${value}`);
		return undefined;
	}
	return value;
}

function list(raw: unknown, path: string, problems: Problems): unknown[] {
	if (raw === undefined || raw === null) return [];
	if (!Array.isArray(raw)) {
		problems.push(`${path}: expected a list`);
		return [];
	}
	return raw;
}

function bidding(raw: unknown, problems: Problems): BiddingSpec {
	const input = raw === undefined ? { strategy: 'MANUAL_CPC' } : raw;
	if (!isRecord(input)) {
		problems.push('bidding: expected an object such as {"strategy": "MANUAL_CPC"}');
		return { strategy: 'MANUAL_CPC' };
	}
	const strategy = String(input.strategy ?? 'MANUAL_CPC').toUpperCase() as BiddingStrategy;
	if (!BIDDING_STRATEGIES.includes(strategy)) {
		problems.push(`bidding.strategy: expected one of ${BIDDING_STRATEGIES.join(', ')}, got ${JSON.stringify(input.strategy)}`);
		return { strategy: 'MANUAL_CPC' };
	}
	const spec: BiddingSpec = { strategy };
	const cpa = positive(input.targetCpa, 'bidding.targetCpa', problems, strategy === 'TARGET_CPA');
	const roas = positive(input.targetRoas, 'bidding.targetRoas', problems, strategy === 'TARGET_ROAS');
	const ceiling = positive(input.maxCpcBidCeiling, 'bidding.maxCpcBidCeiling', problems, false);
	if (cpa !== undefined) {
		if (strategy === 'TARGET_CPA' || strategy === 'MAXIMIZE_CONVERSIONS') spec.targetCpa = cpa;
		else problems.push(`bidding.targetCpa: not used by ${strategy}`);
	}
	if (roas !== undefined) {
		if (strategy === 'TARGET_ROAS') spec.targetRoas = roas;
		else problems.push(`bidding.targetRoas: not used by ${strategy}`);
	}
	if (ceiling !== undefined) {
		if (strategy === 'MAXIMIZE_CLICKS') spec.maxCpcBidCeiling = ceiling;
		else problems.push(`bidding.maxCpcBidCeiling: only used by MAXIMIZE_CLICKS`);
	}
	return spec;
}

function flag(raw: unknown, path: string, fallback: boolean, problems: Problems): boolean {
	if (raw === undefined || raw === null) return fallback;
	if (typeof raw !== 'boolean') problems.push(`${path}: expected true or false`);
	return raw === true;
}

function euPolitical(raw: unknown, problems: Problems): EuPoliticalAdvertising {
	// The API requires an explicit declaration; false is the common, safe answer.
	if (raw === undefined || raw === null || raw === false || raw === 'DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING') {
		return 'DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING';
	}
	if (raw === true || raw === 'CONTAINS_EU_POLITICAL_ADVERTISING') return 'CONTAINS_EU_POLITICAL_ADVERTISING';
	problems.push(
		'containsEuPoliticalAdvertising: expected true, false, CONTAINS_EU_POLITICAL_ADVERTISING or DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING',
	);
	return 'DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING';
}

function constantIds(raw: unknown, path: string, prefix: string, problems: Problems): string[] {
	return list(raw, path, problems).flatMap((entry, index) => {
		const text = String(entry ?? '').replace(`${prefix}/`, '');
		if (!/^\d+$/.test(text)) {
			problems.push(`${path}[${index}]: expected a numeric ${prefix} id, got ${JSON.stringify(entry)}`);
			return [];
		}
		return [text];
	});
}

function keywords(raw: unknown, path: string, problems: Problems, negative: boolean): KeywordSpec[] {
	return list(raw, path, problems).flatMap((entry, index) => {
		const checked = validateKeyword(entry, `${path}[${index}]`, {
			defaultMatchType: negative ? 'PHRASE' : 'BROAD',
			allowBid: !negative,
		});
		problems.push(...checked.problems);
		return checked.keyword ? [checked.keyword] : [];
	});
}

function adGroup(raw: unknown, path: string, problems: Problems): AdGroupTemplate {
	if (!isRecord(raw)) {
		problems.push(`${path}: expected an object`);
		return { name: '', ads: [], keywords: [], negativeKeywords: [] };
	}
	const group: AdGroupTemplate = {
		name: name(raw.name, `${path}.name`, problems),
		ads: list(raw.ads, `${path}.ads`, problems).flatMap((ad, index) => {
			const checked = validateResponsiveSearchAd(ad, `${path}.ads[${index}]`);
			problems.push(...checked.problems);
			return checked.ad ? [checked.ad as ResponsiveSearchAdSpec] : [];
		}),
		keywords: keywords(raw.keywords, `${path}.keywords`, problems, false),
		negativeKeywords: keywords(raw.negativeKeywords, `${path}.negativeKeywords`, problems, true),
	};
	const cpcBid = positive(raw.cpcBid, `${path}.cpcBid`, problems, false);
	if (cpcBid !== undefined) group.cpcBid = cpcBid;
	return group;
}

/** Operations a valid template turns into: budget + campaign + criteria + ad groups + their children. */
export function countTemplateOperations(t: CampaignTemplate): number {
	return (
		2 +
		t.negativeKeywords.length +
		t.locations.length +
		t.languages.length +
		t.adGroups.reduce((n, g) => n + 1 + g.ads.length + g.keywords.length + g.negativeKeywords.length, 0)
	);
}

/**
 * Reads a campaign template (an object or a JSON string) and reports every
 * problem with its path before anything is sent, e.g.
 * `adGroups[0].ads[0].headlines[3]: 34 characters, max 30`.
 */
export function validateCampaignTemplate(input: unknown): Parsed<CampaignTemplate> {
	let raw = input;
	if (typeof raw === 'string') {
		try {
			raw = JSON.parse(raw);
		} catch (error) {
			return { ok: false, problems: [`template: not valid JSON (${(error as Error).message})`] };
		}
	}
	if (!isRecord(raw)) return { ok: false, problems: ['template: expected an object'] };
	const problems: Problems = [];

	const channel = String(raw.channel ?? 'SEARCH').toUpperCase();
	if (channel !== 'SEARCH') problems.push(`channel: only SEARCH campaigns can be built from a template, got ${JSON.stringify(raw.channel)}`);

	const budgetInput = isRecord(raw.budget) ? raw.budget : raw.budget === undefined ? undefined : { amount: raw.budget };
	if (!budgetInput) problems.push('budget: required, e.g. {"amount": 25} (daily, account currency)');
	const budgetAmount = budgetInput ? positive(budgetInput.amount, 'budget.amount', problems, true) : undefined;
	const budgetName = budgetInput?.name === undefined ? undefined : name(budgetInput.name, 'budget.name', problems);

	let currency: string | undefined;
	if (raw.currency !== undefined && raw.currency !== null && raw.currency !== '') {
		currency = String(raw.currency).toUpperCase();
		if (!/^[A-Z]{3}$/.test(currency)) problems.push(`currency: expected an ISO 4217 code, got ${JSON.stringify(raw.currency)}`);
	}

	const networksInput = isRecord(raw.networks) ? raw.networks : {};
	if (raw.networks !== undefined && !isRecord(raw.networks)) problems.push('networks: expected an object');
	const networks = {
		googleSearch: flag(networksInput.googleSearch, 'networks.googleSearch', true, problems),
		searchPartners: flag(networksInput.searchPartners, 'networks.searchPartners', false, problems),
		displayNetwork: flag(networksInput.displayNetwork, 'networks.displayNetwork', false, problems),
	};

	const groupsRaw = list(raw.adGroups, 'adGroups', problems);
	const template: CampaignTemplate = {
		name: name(raw.name, 'name', problems),
		channel: 'SEARCH',
		budget: { amount: budgetAmount ?? 0, ...(budgetName ? { name: budgetName } : {}) },
		...(currency ? { currency } : {}),
		bidding: bidding(raw.bidding, problems),
		networks,
		containsEuPoliticalAdvertising: euPolitical(raw.containsEuPoliticalAdvertising, problems),
		locations: constantIds(raw.locations, 'locations', 'geoTargetConstants', problems),
		languages: constantIds(raw.languages, 'languages', 'languageConstants', problems),
		negativeKeywords: keywords(raw.negativeKeywords, 'negativeKeywords', problems, true),
		adGroups: groupsRaw.map((g, index) => adGroup(g, `adGroups[${index}]`, problems)),
	};

	const seen = new Map<string, number>();
	template.adGroups.forEach((g, index) => {
		if (!g.name) return;
		const key = g.name.toLowerCase();
		if (seen.has(key)) problems.push(`adGroups[${index}].name: same name as adGroups[${seen.get(key)}]`);
		else seen.set(key, index);
	});
	if (!networks.googleSearch && !networks.searchPartners && !networks.displayNetwork) {
		problems.push('networks: at least one network must be on');
	}
	const operations = countTemplateOperations(template);
	if (operations > MAX_TEMPLATE_OPERATIONS) {
		problems.push(`template: ${operations} operations, max ${MAX_TEMPLATE_OPERATIONS} in one atomic mutate`);
	}
	return problems.length ? { ok: false, problems } : { ok: true, value: template };
}
