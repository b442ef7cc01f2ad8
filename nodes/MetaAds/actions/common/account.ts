import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { graphPages, graphRequest } from '../../transport';

interface MinimumBudget {
	currency?: string;
	min_daily_budget_imp?: number | string;
	min_daily_budget_video_views?: number | string;
	min_daily_budget_high_freq?: number | string;
	min_daily_budget_low_freq?: number | string;
}

// One lookup per account per execution: 50 items in one account cost one call, not 50.
const cache = new WeakMap<IExecuteFunctions, Map<string, Promise<unknown>>>();

function cached<T>(ctx: IExecuteFunctions, key: string, load: () => Promise<T>): Promise<T> {
	let perRun = cache.get(ctx);
	if (!perRun) {
		perRun = new Map();
		cache.set(ctx, perRun);
	}
	let pending = perRun.get(key) as Promise<T> | undefined;
	if (!pending) {
		pending = load();
		perRun.set(key, pending);
		// A failed lookup must not poison the next item.
		const runCache = perRun;
		pending.catch(() => runCache.delete(key));
	}
	return pending;
}

/** `act_123` from either `act_123` or the bare `123` Meta returns in `account_id`. */
export function accountPath(accountId: string): string {
	return accountId.startsWith('act_') ? accountId : `act_${accountId}`;
}

/** The account currency (ISO code), which fixes the minor-unit factor of every amount. */
export function getAccountCurrency(ctx: IExecuteFunctions, accountId: string, itemIndex: number): Promise<string> {
	const path = accountPath(accountId);
	return cached(ctx, `currency:${path}`, async () => {
		const account = await graphRequest<{ currency?: string }>(ctx, {
			method: 'GET',
			path: `/${path}`,
			qs: { fields: 'currency' },
			itemIndex,
		});
		const currency = String(account.currency ?? '').toUpperCase();
		if (!/^[A-Z]{3}$/.test(currency)) {
			// Without a currency we cannot convert money safely, so stop rather than guess.
			throw new NodeOperationError(ctx.getNode(), `Could not read the currency of ad account ${path} (item ${itemIndex})`, {
				itemIndex,
			});
		}
		return currency;
	});
}

/**
 * The smallest of Meta's per-goal daily minimums, in minor units. Using the
 * smallest means we never refuse a budget Meta would take; a goal-specific
 * minimum above it still comes back as Meta's own error.
 */
export function lowestMinimum(rows: MinimumBudget[], currency: string): number | undefined {
	const values: number[] = [];
	const keys = ['min_daily_budget_imp', 'min_daily_budget_video_views', 'min_daily_budget_high_freq', 'min_daily_budget_low_freq'] as const;
	for (const row of rows) {
		if (row.currency && row.currency.toUpperCase() !== currency.toUpperCase()) continue;
		for (const key of keys) {
			const value = Number(row[key]);
			if (row[key] !== undefined && Number.isFinite(value) && value > 0) values.push(value);
		}
	}
	return values.length ? Math.min(...values) : undefined;
}

export function getMinimumDailyBudget(
	ctx: IExecuteFunctions,
	accountId: string,
	currency: string,
	itemIndex: number,
): Promise<number | undefined> {
	const path = accountPath(accountId);
	return cached(ctx, `minimum:${path}`, async () => {
		// One row per currency, dozens of them, paged like any edge: read on until the account's currency shows up.
		for await (const page of graphPages<MinimumBudget>(ctx, { path: `/${path}/minimum_budgets`, pageSize: 100, returnAll: true, itemIndex })) {
			const ownCurrency = page.filter((row) => row.currency?.toUpperCase() === currency.toUpperCase());
			if (ownCurrency.length > 0) return lowestMinimum(ownCurrency, currency);
		}
		return undefined;
	});
}

/** The account that owns an object, read from the object itself. */
export async function getOwningAccount(ctx: IExecuteFunctions, objectId: string, itemIndex: number): Promise<string> {
	const object = await graphRequest<{ account_id?: string }>(ctx, {
		method: 'GET',
		path: `/${objectId}`,
		qs: { fields: 'account_id' },
		itemIndex,
	});
	if (!object.account_id) {
		throw new NodeOperationError(ctx.getNode(), `Could not read the ad account of object ${objectId} (item ${itemIndex})`, {
			itemIndex,
		});
	}
	return accountPath(String(object.account_id));
}
