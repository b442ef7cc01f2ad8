/**
 * Performance Report: the full daily or weekly report for the people who run
 * the accounts — totals and change per account and per campaign, top and
 * bottom entities, the chart, pacing, anomalies and applied changes.
 */
import type { ReportOperation } from './types';

export const operation: ReportOperation = {
	description: [],
	defaults: { kind: 'performance', showCampaigns: true, topN: 5, maxListed: 10 },
};
