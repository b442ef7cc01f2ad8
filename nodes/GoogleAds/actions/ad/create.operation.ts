import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runMutateBatch } from '../common/batch';
import { InputProblem } from '../common/errors';
import { adGroupField, customerField, readAdGroupId, readCustomerId, show } from '../common/fields';
import { mutateOptionsProperty, readOptions } from '../common/options';
import { adExemptionRetry, requestPolicyExemptionOption } from '../common/policy';
import { idOf, resourceName, resultResourceName } from '../common/resourceNames';
import { responsiveSearchAdCreate, validateResponsiveSearchAd } from '../common/responsiveSearchAd';

const d = show('ad', 'createResponsiveSearchAd');

const textList = (displayName: string, name: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	typeOptions: { multipleValues: true },
	default: [],
	required: true,
	description,
	displayOptions: d,
});

export const description: INodeProperties[] = [
	customerField(d),
	adGroupField(d),
	{ displayName: 'Final URL', name: 'finalUrl', type: 'string', default: '', required: true, placeholder: 'https://example.com/page', displayOptions: d },
	textList('Headlines', 'headlines', '3 to 15 headlines, each at most 30 characters. An expression may return a list.'),
	textList('Descriptions', 'descriptions', '2 to 4 descriptions, each at most 90 characters'),
	{ displayName: 'Path 1', name: 'path1', type: 'string', default: '', description: 'Display URL path, at most 15 characters', displayOptions: d },
	{ displayName: 'Path 2', name: 'path2', type: 'string', default: '', description: 'Display URL path, at most 15 characters; needs Path 1', displayOptions: d },
	mutateOptionsProperty({ resource: ['ad'], operation: ['createResponsiveSearchAd'] }, { extra: [requestPolicyExemptionOption] }),
];

/** A list parameter: the n8n list, one JSON array, or text with one entry per line. */
function readTexts(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const raw = ctx.getNodeParameter(name, itemIndex, []) as unknown;
	const list = Array.isArray(raw) ? raw : [raw];
	return list.flatMap((entry) => {
		if (Array.isArray(entry)) return entry;
		if (typeof entry === 'string' && entry.includes('\n')) return entry.split('\n').filter((line) => line.trim() !== '');
		return entry === undefined || entry === null || entry === '' ? [] : [entry];
	});
}

/**
 * Responsive search ads, PAUSED, checked before sending (counts, lengths,
 * URL); all items in ONE adGroupAds:mutate.
 */
export async function executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
	return await runMutateBatch(this, itemIndexes, (itemIndex) => {
		const customerId = readCustomerId(this, itemIndex);
		const adGroupId = readAdGroupId(this, itemIndex, customerId);
		const checked = validateResponsiveSearchAd({
			finalUrl: this.getNodeParameter('finalUrl', itemIndex, ''),
			headlines: readTexts(this, 'headlines', itemIndex),
			descriptions: readTexts(this, 'descriptions', itemIndex),
			path1: this.getNodeParameter('path1', itemIndex, ''),
			path2: this.getNodeParameter('path2', itemIndex, ''),
		});
		if (!checked.ad) throw InputProblem.fromList(checked.problems);
		const ad = checked.ad;
		const operations: IDataObject[] = [{ create: responsiveSearchAdCreate(resourceName(customerId, 'adGroups', adGroupId), ad) }];
		const exempt = readOptions(this, itemIndex).requestPolicyExemption === true;
		return {
			customerId,
			resource: 'adGroupAds',
			operations,
			retry: exempt ? (errors) => adExemptionRetry(operations, errors) : undefined,
			output: (results, validateOnly) => {
				const created = resultResourceName(results[0]);
				return {
					customerId,
					adGroupId,
					resourceName: created,
					id: idOf(created),
					adId: idOf(created)?.split('~')[1] ?? null,
					status: 'PAUSED',
					finalUrls: ad.finalUrls,
					headlines: ad.headlines.map((h) => h.text),
					descriptions: ad.descriptions.map((x) => x.text),
					validateOnly,
				};
			},
		};
	});
}
