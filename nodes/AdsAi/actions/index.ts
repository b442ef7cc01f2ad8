import type { INodePropertyOptions } from 'n8n-workflow';

import { operation as ask } from './ask.operation';
import { operation as planCampaign } from './planCampaign.operation';
import { operation as recommendChanges } from './recommendChanges.operation';
import type { AiOperation } from './types';
import { operation as writeAdCopy } from './writeAdCopy.operation';

export const operations: Record<string, AiOperation> = { recommendChanges, planCampaign, writeAdCopy, ask };

export const operationOptions: INodePropertyOptions[] = [
	{ name: 'Ask', value: 'ask', action: 'Ask a question about ad performance', description: 'Answer a plain-language question from the metric rows, with the numbers used' },
	{ name: 'Plan New Campaign', value: 'planCampaign', action: 'Plan a new campaign', description: 'A Google Search campaign template or a Meta campaign plan, PAUSED, validated' },
	{ name: 'Recommend Changes', value: 'recommendChanges', action: 'Recommend changes from metrics', description: 'Checked adpilot.action/v1 proposals and a summary from metric rows' },
	{ name: 'Write Ad Copy', value: 'writeAdCopy', action: 'Write ad copy', description: 'Google RSA or Meta ad copy variants, every line checked against the limits' },
];
