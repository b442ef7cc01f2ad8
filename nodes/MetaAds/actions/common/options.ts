import { NodeOperationError, type IExecuteFunctions, type INodePropertyOptions } from 'n8n-workflow';

/** Turns `OUTCOME_SALES` into `Outcome Sales` for option labels. */
function label(value: string): string {
	return value
		.toLowerCase()
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

export function enumOptions(values: readonly string[]): INodePropertyOptions[] {
	return values.map((value) => ({ name: label(value), value }));
}

export const OBJECTIVES = [
	'OUTCOME_AWARENESS', 'OUTCOME_TRAFFIC', 'OUTCOME_ENGAGEMENT', 'OUTCOME_LEADS', 'OUTCOME_APP_PROMOTION', 'OUTCOME_SALES',
] as const;

export const SPECIAL_AD_CATEGORIES = [
	'CREDIT', 'EMPLOYMENT', 'HOUSING', 'ISSUES_ELECTIONS_POLITICS', 'ONLINE_GAMBLING_AND_GAMING', 'FINANCIAL_PRODUCTS_SERVICES',
] as const;

export const BID_STRATEGIES = ['LOWEST_COST_WITHOUT_CAP', 'LOWEST_COST_WITH_BID_CAP', 'COST_CAP', 'LOWEST_COST_WITH_MIN_ROAS'] as const;

export const BUYING_TYPES = ['AUCTION', 'RESERVED'] as const;

export const BILLING_EVENTS = ['IMPRESSIONS', 'LINK_CLICKS', 'THRUPLAY', 'POST_ENGAGEMENT', 'PAGE_LIKES', 'APP_INSTALLS'] as const;

export const OPTIMIZATION_GOALS = [
	'OFFSITE_CONVERSIONS', 'VALUE', 'LEAD_GENERATION', 'QUALITY_LEAD', 'REACH', 'IMPRESSIONS', 'LINK_CLICKS',
	'LANDING_PAGE_VIEWS', 'POST_ENGAGEMENT', 'THRUPLAY', 'APP_INSTALLS', 'CONVERSATIONS', 'PAGE_LIKES', 'AD_RECALL_LIFT',
] as const;

export const CALL_TO_ACTIONS = [
	'LEARN_MORE', 'SHOP_NOW', 'SIGN_UP', 'SUBSCRIBE', 'DOWNLOAD', 'BOOK_TRAVEL', 'CONTACT_US', 'GET_OFFER', 'GET_QUOTE',
	'APPLY_NOW', 'ORDER_NOW', 'WATCH_MORE', 'INSTALL_MOBILE_APP', 'NO_BUTTON',
] as const;

/**
 * Checks a value picked from a fixed list. Expressions can still produce
 * anything, so an unknown value is refused here rather than by Meta.
 */
export function assertOneOf<T extends string>(
	ctx: IExecuteFunctions,
	value: unknown,
	allowed: readonly T[],
	field: string,
	itemIndex: number,
): T {
	if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
	throw new NodeOperationError(ctx.getNode(), `${field} on item ${itemIndex} is ${JSON.stringify(value)}, which is not one of ${allowed.join(', ')}`, {
		itemIndex,
	});
}

/** Same check for a multi-select; an empty list is allowed. */
export function assertAllOf<T extends string>(
	ctx: IExecuteFunctions,
	values: unknown,
	allowed: readonly T[],
	field: string,
	itemIndex: number,
): T[] {
	const list = typeof values === 'string' ? values.split(',').map((v) => v.trim()).filter(Boolean) : values;
	if (!Array.isArray(list)) {
		throw new NodeOperationError(ctx.getNode(), `${field} on item ${itemIndex} must be a list, got ${JSON.stringify(values)}`, { itemIndex });
	}
	return list.map((value) => assertOneOf(ctx, value, allowed, field, itemIndex));
}
