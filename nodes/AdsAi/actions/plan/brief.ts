/** The campaign brief of Plan New Campaign, read from the node's fields. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { splitWords } from '../perItem';

export interface CampaignBrief {
	platform: 'google' | 'meta';
	accountId: string;
	product: string;
	landingPage: string;
	audience: string;
	goal: string;
	currency: string;
	dailyBudget: number;
	/** Google geo target constant ids / language constant ids. */
	locationIds: string[];
	languageIds: string[];
	language: string;
	/** Meta: two-letter country codes, Facebook Page id. */
	countries: string[];
	pageId: string | null;
}

export function readBrief(ctx: IExecuteFunctions, itemIndex: number): CampaignBrief {
	const node = ctx.getNode();
	const text = (name: string) => String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const fail = (field: string, why: string) => new NodeOperationError(node, `${field} ${why}`, { itemIndex });
	const platform = text('planPlatform') === 'meta' ? 'meta' : 'google';
	const accountId = text('planAccountId').replace(/^act_/, '').replace(/-/g, '');
	if (!/^\d+$/.test(accountId)) throw fail('Account ID', `must be a numeric account id, got "${accountId}"`);
	const landingPage = text('landingPage');
	try {
		if (!/^https?:$/.test(new URL(landingPage).protocol)) throw new Error('protocol');
	} catch {
		throw fail('Landing Page', `must be an http(s) URL, got "${landingPage}"`);
	}
	const product = text('planProduct');
	if (product === '') throw fail('Product', 'is empty');
	const dailyBudget = Number(ctx.getNodeParameter('dailyBudget', itemIndex, 0));
	if (!Number.isFinite(dailyBudget) || dailyBudget <= 0) throw fail('Daily Budget', 'must be greater than 0');
	const currency = text('planCurrency').toUpperCase();
	if (!/^[A-Z]{3}$/.test(currency)) throw fail('Currency', `must be an ISO 4217 code, got "${currency}"`);
	const ids = (name: string, label: string) => {
		const list = splitWords(text(name));
		const bad = list.find((id) => !/^\d+$/.test(id));
		if (bad) throw fail(label, `must be numeric ids, got "${bad}"`);
		return list;
	};
	const countries = splitWords(text('countries')).map((c) => c.toUpperCase());
	const badCountry = countries.find((c) => !/^[A-Z]{2}$/.test(c));
	if (badCountry) throw fail('Countries', `must be two-letter codes, got "${badCountry}"`);
	return {
		platform,
		accountId,
		product,
		landingPage,
		audience: text('audience'),
		goal: text('goal') || 'sales',
		currency,
		dailyBudget,
		locationIds: platform === 'google' ? ids('locationIds', 'Location IDs') : [],
		languageIds: platform === 'google' ? ids('languageIds', 'Language IDs') : [],
		language: text('planLanguage') || 'English',
		countries: platform === 'meta' ? (countries.length ? countries : ['US']) : [],
		pageId: text('pageId') || null,
	};
}
