import type { INodePropertyOptions } from 'n8n-workflow';

import { operation as executiveReport } from './executiveReport.operation';
import { operation as performanceReport } from './performanceReport.operation';
import type { ReportOperation } from './types';

export const operations: Record<string, ReportOperation> = { performanceReport, executiveReport };

export const operationOptions: INodePropertyOptions[] = [
	{ name: 'Executive Report', value: 'executiveReport', action: 'Create an executive report', description: 'Summary paragraph, headline numbers, chart, pacing, short top and bottom lists' },
	{ name: 'Performance Report', value: 'performanceReport', action: 'Create a performance report', description: 'Per account and campaign changes, top and bottom entities, chart, pacing, anomalies, applied changes' },
];
