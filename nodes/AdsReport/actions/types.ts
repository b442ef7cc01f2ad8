import type { INodeProperties } from 'n8n-workflow';

import type { ReportLayout } from '../report/types';

/** One report operation: its own parameters and what its layout shows by default. */
export interface ReportOperation {
	description: INodeProperties[];
	defaults: Pick<ReportLayout, 'kind' | 'showCampaigns' | 'topN' | 'maxListed'>;
}

export function showFor(operation: string) {
	return { show: { operation: [operation] } };
}
