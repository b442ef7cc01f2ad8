import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../shared/n8n/operation';
import * as ad from './ad';
import * as adAccount from './adAccount';
import * as adCreative from './adCreative';
import * as adImage from './adImage';
import * as adSet from './adSet';
import * as adVideo from './adVideo';
import * as campaign from './campaign';
import * as insights from './insights';

interface ResourceModule {
	operations: ResourceOperations;
	description: INodeProperties[];
}

const modules: Record<string, ResourceModule> = { adAccount, campaign, adSet, ad, adCreative, adImage, adVideo, insights };

export const metaAdsResourceOptions = [
	{ name: 'Ad', value: 'ad' },
	{ name: 'Ad Account', value: 'adAccount' },
	{ name: 'Ad Creative', value: 'adCreative' },
	{ name: 'Ad Image', value: 'adImage' },
	{ name: 'Ad Set', value: 'adSet' },
	{ name: 'Ad Video', value: 'adVideo' },
	{ name: 'Campaign', value: 'campaign' },
	{ name: 'Insight', value: 'insights' },
];

export const metaAdsOperations: Record<string, ResourceOperations> = Object.fromEntries(
	Object.entries(modules).map(([name, module]) => [name, module.operations]),
);

export const metaAdsOperationProperties: INodeProperties[] = Object.values(modules).flatMap((m) => m.description);
