import type { IDataObject } from 'n8n-workflow';

import { moneyFields } from '../actions/common/money';
import { idOf, resultResourceName } from '../actions/common/resourceNames';
import type { PlannedCreate } from './build';
import type { CampaignTemplate } from './types';
import { microsString } from '../actions/common/money';

function created(results: Array<IDataObject | null>, index: number): IDataObject {
	const name = resultResourceName(results[index]);
	return { resourceName: name, id: idOf(name) };
}

/**
 * The output item of a template create: every created resource name and id,
 * laid out like the template. Under Validate Only Google returns no results,
 * so names are null and `validateOnly` is true.
 */
export function templateOutput(
	customerId: string,
	t: CampaignTemplate,
	plan: PlannedCreate[],
	results: Array<IDataObject | null>,
	{ validateOnly, currency }: { validateOnly: boolean; currency: string | null },
): IDataObject {
	const adGroups: IDataObject[] = t.adGroups.map((g) => ({
		name: g.name,
		resourceName: null,
		id: null,
		ads: [] as IDataObject[],
		keywords: [] as IDataObject[],
		negativeKeywords: [] as IDataObject[],
	}));
	const out: IDataObject = {
		customerId,
		validateOnly,
		status: 'PAUSED',
		operationCount: plan.length,
		campaign: { name: t.name, resourceName: null, id: null },
		budget: { resourceName: null, id: null, ...moneyFields('budget', microsString(t.budget.amount), currency) },
		negativeKeywords: [] as IDataObject[],
		locations: [] as IDataObject[],
		languages: [] as IDataObject[],
		adGroups,
	};
	plan.forEach((entry, i) => {
		const ids = created(results, i);
		switch (entry.kind) {
			case 'budget':
				Object.assign(out.budget as IDataObject, ids);
				break;
			case 'campaign':
				Object.assign(out.campaign as IDataObject, ids);
				break;
			case 'campaignNegativeKeyword':
				(out.negativeKeywords as IDataObject[]).push({ ...t.negativeKeywords[entry.index], ...ids });
				break;
			case 'location':
				(out.locations as IDataObject[]).push({ geoTargetConstant: t.locations[entry.index], ...ids });
				break;
			case 'language':
				(out.languages as IDataObject[]).push({ languageConstant: t.languages[entry.index], ...ids });
				break;
			case 'adGroup':
				Object.assign(adGroups[entry.adGroup], ids);
				break;
			case 'ad':
				(adGroups[entry.adGroup].ads as IDataObject[]).push(ids);
				break;
			case 'keyword':
				(adGroups[entry.adGroup].keywords as IDataObject[]).push({ ...t.adGroups[entry.adGroup].keywords[entry.index], ...ids });
				break;
			case 'adGroupNegativeKeyword':
				(adGroups[entry.adGroup].negativeKeywords as IDataObject[]).push({
					...t.adGroups[entry.adGroup].negativeKeywords[entry.index],
					...ids,
				});
				break;
		}
	});
	return out;
}
