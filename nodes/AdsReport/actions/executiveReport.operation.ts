/**
 * Executive Report: the summary paragraph first, headline numbers, the
 * chart, pacing and short top/bottom lists per currency; no campaign table.
 * For the people who read one screen.
 */
import type { ReportOperation } from './types';

export const operation: ReportOperation = {
	description: [],
	defaults: { kind: 'executive', showCampaigns: false, topN: 3, maxListed: 5 },
};
