import type { ClicksField } from './normalize';
import type { InsightsLevel } from './types';

const IDS_BY_LEVEL: Record<InsightsLevel, string[]> = {
	account: [],
	campaign: ['campaign_id', 'campaign_name'],
	adset: ['campaign_id', 'campaign_name', 'adset_id', 'adset_name'],
	ad: ['campaign_id', 'campaign_name', 'adset_id', 'adset_name', 'ad_id', 'ad_name'],
};

export interface FieldChoice {
	level: InsightsLevel;
	clicksField: ClicksField;
	includeReach: boolean;
	/** Auto conversion preset: rows must say their campaign objective. */
	needsObjective: boolean;
	/** Extra Graph fields the user asked for (kept under `raw`). */
	extraFields: readonly string[];
}

/**
 * The Graph fields a metric row needs, plus the user's extras. Only what
 * the row uses is asked for by default: every field costs Meta time.
 */
export function insightsFields(choice: FieldChoice): string[] {
	const fields = [
		'account_id',
		'account_name',
		'account_currency',
		...IDS_BY_LEVEL[choice.level],
		'date_start',
		'date_stop',
		'impressions',
		choice.clicksField,
		'spend',
		'actions',
		'action_values',
	];
	if (choice.includeReach) fields.push('reach', 'frequency');
	// Objective exists per campaign; an account-level row mixes campaigns and has none.
	if (choice.needsObjective && choice.level !== 'account') fields.push('objective');
	for (const extra of choice.extraFields) if (!fields.includes(extra)) fields.push(extra);
	return fields;
}
