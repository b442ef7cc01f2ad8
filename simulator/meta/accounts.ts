/** `/me`, `/me/adaccounts`, `/act_X` and `/act_X/minimum_budgets`. */
import type { SimResponse } from '../types';
import { addDays } from '../dataset/dates';
import { dailyMetrics } from '../dataset/metrics';
import type { TreeAccount } from '../dataset/tree';
import type { MetaCall } from './call';
import { invalidParam } from './errors';
import { parseFields, type FieldSpec } from './fields';
import { pageOf } from './paging';
import { str } from './params';
import { MINIMUM_BUDGET_LIST, minimumsFor } from './budgets';
import type { MetaStore } from './store';
import { readLimit } from './objects';

export const SIM_USER = { id: '10000000000042', name: 'AdPilot Simulator User' };

const ACCOUNT_FIELDS = new Set([
	'id', 'account_id', 'name', 'currency', 'timezone_name', 'timezone_offset_hours_utc', 'account_status', 'disable_reason', 'amount_spent',
	'spend_cap', 'balance', 'business', 'business_name', 'created_time', 'min_daily_budget', 'owner', 'age', 'is_prepay_account', 'capabilities',
	'funding_source', 'tax_id_status', 'user_tasks',
]);

/** Lifetime spend in minor units: every ad's daily spend over the data window (cached per state version). */
const spendCache = new WeakMap<MetaStore, { version: number; byAccount: Map<string, number> }>();

export function amountSpentMinor(store: MetaStore, accountId: string): number {
	let cache = spendCache.get(store);
	if (!cache || cache.version !== store.version) {
		cache = { version: store.version, byAccount: new Map() };
		spendCache.set(store, cache);
	}
	const cached = cache.byAccount.get(accountId);
	if (cached !== undefined) return cached;
	let total = 0;
	const { firstDay, lastDay, settings } = store.tree;
	for (const [adId, profile] of store.profiles) {
		if (store.get(adId)?.data.account_id !== accountId) continue;
		for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) total += dailyMetrics(settings.seed, adId, day, profile).spend;
	}
	cache.byAccount.set(accountId, total);
	return total;
}

export function viewAccount(store: MetaStore, account: TreeAccount, specs: FieldSpec[] | undefined): Record<string, unknown> {
	const names = specs?.map((s) => s.name) ?? ['account_id', 'id'];
	const out: Record<string, unknown> = {};
	for (const name of names) {
		switch (name) {
			case 'id': out.id = `act_${account.id}`; break;
			case 'account_id': out.account_id = account.id; break;
			case 'name': out.name = account.name; break;
			case 'currency': out.currency = account.currency.code; break;
			case 'timezone_name': out.timezone_name = account.currency.timezone; break;
			case 'timezone_offset_hours_utc': out.timezone_offset_hours_utc = account.currency.timezoneOffsetHours; break;
			case 'account_status': out.account_status = 1; break;
			case 'disable_reason': out.disable_reason = 0; break;
			case 'amount_spent': out.amount_spent = String(amountSpentMinor(store, account.id)); break;
			case 'spend_cap': out.spend_cap = String(account.spendCapMinor); break;
			case 'balance': out.balance = '0'; break;
			case 'business': out.business = { id: account.businessId, name: account.businessName }; break;
			case 'business_name': out.business_name = account.businessName; break;
			case 'created_time': out.created_time = `${account.createdDay}T08:00:00+0000`; break;
			case 'min_daily_budget': out.min_daily_budget = minimumsFor(account.currency.code).min_daily_budget_imp; break;
			case 'is_prepay_account': out.is_prepay_account = false; break;
			default: break; // other known fields have no simulated value
		}
	}
	return out;
}

function checkAccountFields(specs: FieldSpec[] | undefined): SimResponse | undefined {
	const bad = specs?.find((s) => !ACCOUNT_FIELDS.has(s.name));
	return bad ? invalidParam(`Tried accessing nonexisting field (${bad.name}) on node type (AdAccount)`) : undefined;
}

export function getMe(call: MetaCall): SimResponse {
	const names = parseFields(str(call.params, 'fields'))?.map((s) => s.name) ?? ['id', 'name'];
	const out: Record<string, unknown> = {};
	for (const name of names) if (name in SIM_USER) out[name] = SIM_USER[name as keyof typeof SIM_USER];
	return { status: 200, body: out };
}

export function listMyAccounts(call: MetaCall, store: MetaStore): SimResponse {
	const specs = parseFields(str(call.params, 'fields'));
	const invalid = checkAccountFields(specs);
	if (invalid) return invalid;
	const limit = readLimit(call, 25);
	if (typeof limit !== 'number') return limit;
	const views = store.tree.accounts.map((a) => viewAccount(store, a, specs));
	const page = pageOf(views, { limit, after: str(call.params, 'after'), before: str(call.params, 'before') }, call.selfUrl);
	return page ? { status: 200, body: page } : invalidParam('Invalid cursor');
}

export function getAccount(call: MetaCall, store: MetaStore, account: TreeAccount): SimResponse {
	const specs = parseFields(str(call.params, 'fields'));
	return checkAccountFields(specs) ?? { status: 200, body: viewAccount(store, account, specs) };
}

/** One page of the per-currency rows (25 by default, like other edges). */
export function getMinimumBudgets(call: MetaCall, defaultLimit: number): SimResponse {
	const limit = readLimit(call, defaultLimit);
	if (typeof limit !== 'number') return limit;
	const page = pageOf(MINIMUM_BUDGET_LIST, { limit, after: str(call.params, 'after') }, call.selfUrl);
	return page ? { status: 200, body: page } : invalidParam('Invalid cursor');
}
