/** Meta's create rules for campaigns, ad sets, ads and creatives: required fields and allowed values. */
import type { SimResponse } from '../types';
import { invalidParam } from './errors';

export const OBJECTIVES = new Set(['OUTCOME_AWARENESS', 'OUTCOME_TRAFFIC', 'OUTCOME_ENGAGEMENT', 'OUTCOME_LEADS', 'OUTCOME_APP_PROMOTION', 'OUTCOME_SALES']);
export const SPECIAL_AD_CATEGORIES = new Set(['NONE', 'CREDIT', 'EMPLOYMENT', 'HOUSING', 'ISSUES_ELECTIONS_POLITICS', 'ONLINE_GAMBLING_AND_GAMING', 'FINANCIAL_PRODUCTS_SERVICES']);
export const BID_STRATEGIES = new Set(['LOWEST_COST_WITHOUT_CAP', 'LOWEST_COST_WITH_BID_CAP', 'COST_CAP', 'LOWEST_COST_WITH_MIN_ROAS']);
export const STATUSES = new Set(['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED']);
export const BILLING_EVENTS = new Set(['IMPRESSIONS', 'LINK_CLICKS', 'THRUPLAY', 'APP_INSTALLS', 'CLICKS', 'PAGE_LIKES', 'POST_ENGAGEMENT', 'VIDEO_VIEWS', 'LISTING_INTERACTION', 'PURCHASE', 'NONE']);
export const OPTIMIZATION_GOALS = new Set([
	'NONE', 'APP_INSTALLS', 'AD_RECALL_LIFT', 'ENGAGED_USERS', 'EVENT_RESPONSES', 'IMPRESSIONS', 'LEAD_GENERATION', 'QUALITY_LEAD', 'LINK_CLICKS',
	'OFFSITE_CONVERSIONS', 'PAGE_LIKES', 'POST_ENGAGEMENT', 'QUALITY_CALL', 'REACH', 'LANDING_PAGE_VIEWS', 'VISIT_INSTAGRAM_PROFILE', 'VALUE',
	'THRUPLAY', 'DERIVED_EVENTS', 'CONVERSATIONS', 'IN_APP_VALUE', 'MESSAGING_PURCHASE_CONVERSION', 'REMINDERS_SET',
]);

export function required(name: string): SimResponse {
	return invalidParam(`The parameter ${name} is required`);
}

export function mustBeOneOf(name: string, allowed: Set<string>): SimResponse {
	return invalidParam(`Param ${name} must be one of {${[...allowed].join(', ')}}`);
}

/** Returns an error when `value` is present but not in `allowed`. */
export function checkEnum(name: string, value: string | undefined, allowed: Set<string>): SimResponse | undefined {
	return value !== undefined && !allowed.has(value) ? mustBeOneOf(name, allowed) : undefined;
}
