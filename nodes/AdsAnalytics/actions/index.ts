import type { INodePropertyOptions } from 'n8n-workflow';

import { operation as compareAbTest } from './compareAbTest/compareAbTest.operation';
import { operation as detectAnomalies } from './detectAnomalies/detectAnomalies.operation';
import { operation as forecast } from './forecast/forecast.operation';
import { operation as reallocateBudget } from './reallocateBudget/reallocateBudget.operation';
import { operation as scorePerformance } from './scorePerformance/scorePerformance.operation';
import type { AnalyticsOperation } from './types';

export const operations: Record<string, AnalyticsOperation> = {
	scorePerformance,
	detectAnomalies,
	compareAbTest,
	reallocateBudget,
	forecast,
};

export const operationOptions: INodePropertyOptions[] = [
	{ name: 'Compare A/B Test', value: 'compareAbTest', action: 'Compare an A/B test', description: 'Significance, probability to be best, sample size still needed and a verdict' },
	{ name: 'Detect Anomalies', value: 'detectAnomalies', action: 'Detect anomalies in metrics', description: 'Robust z-score against a trailing window, with a same-weekday baseline' },
	{ name: 'Forecast', value: 'forecast', action: 'Forecast spend and conversions', description: 'Next-N-days totals with intervals and monthly budget pacing' },
	{ name: 'Reallocate Budget', value: 'reallocateBudget', action: 'Reallocate a budget', description: 'Split a total budget by shrunk ROAS or CPA into setBudget actions' },
	{ name: 'Score Performance', value: 'scorePerformance', action: 'Score performance', description: 'A 0–100 score per entity with the drivers named' },
];
