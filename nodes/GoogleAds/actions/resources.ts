import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../shared/n8n/operation';
import * as ad from './ad';
import * as adGroup from './adGroup';
import * as campaign from './campaign';
import * as customer from './customer';
import * as keyword from './keyword';
import * as recommendation from './recommendation';
import * as report from './report';

interface ResourceModule {
	operations: ResourceOperations;
	description: INodeProperties[];
}

const modules: Record<string, ResourceModule> = { customer, report, campaign, adGroup, ad, keyword, recommendation };

export const googleAdsResourceOptions = [
	{ name: 'Ad', value: 'ad' },
	{ name: 'Ad Group', value: 'adGroup' },
	{ name: 'Campaign', value: 'campaign' },
	{ name: 'Customer', value: 'customer' },
	{ name: 'Keyword', value: 'keyword' },
	{ name: 'Recommendation', value: 'recommendation' },
	{ name: 'Report', value: 'report' },
];

export const googleAdsOperations: Record<string, ResourceOperations> = Object.fromEntries(
	Object.entries(modules).map(([name, module]) => [name, module.operations]),
);

export const googleAdsOperationProperties: INodeProperties[] = Object.values(modules).flatMap((m) => m.description);
