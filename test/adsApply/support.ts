/**
 * Ads Apply test kit: a simulator, actions as decision nodes emit them, and a
 * runner that executes the node with real HTTP (credentials applied) against
 * the simulator, with the second input ("Recent Changes") when given.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { AdsApply } from '../../nodes/AdsApply/AdsApply.node';
import { SIM_META_ACCESS_TOKEN } from '../../simulator/credentials';
import type { RunningSimulator } from '../../simulator/server';
import { createExecuteContext } from '../helpers/context';
import { simulatorCredentials } from '../helpers/simulatorCredentials';

export const DATASET = { seed: 3, today: '2026-11-20', days: 5, accounts: 2, campaignsPerAccount: 3, adSetsPerCampaign: 2, adsPerAdSet: 1 };

export interface ActionSpec {
	platform: 'meta' | 'google';
	accountId: string;
	level: 'campaign' | 'adSet' | 'ad' | 'keyword';
	entityId: string;
	kind: string;
	params?: IDataObject;
	priority?: number;
}

export function action(spec: ActionSpec): IDataObject {
	return {
		schema: 'adpilot.action/v1',
		platform: spec.platform,
		accountId: spec.accountId,
		level: spec.level,
		entityId: spec.entityId,
		kind: spec.kind,
		params: spec.params ?? {},
		reason: `test ${spec.kind}`,
		evidence: [],
		source: { type: 'manual' },
		idempotencyKey: `${spec.entityId}-${spec.kind}-${JSON.stringify(spec.params ?? {})}`,
		decidedAt: '2026-11-20T08:00:00.000Z',
		...(spec.priority !== undefined ? { priority: spec.priority } : {}),
	};
}

export interface RunResult {
	audit: IDataObject[];
	summary: IDataObject;
	items: INodeExecutionData[][];
}

export async function runApply(
	sim: RunningSimulator,
	parameters: IDataObject,
	actions: IDataObject[],
	options: { recent?: IDataObject[]; continueOnFail?: boolean; credentials?: Record<string, IDataObject> } = {},
): Promise<RunResult> {
	const ctx = createExecuteContext({
		parameters: { authentication: 'refreshToken', ...parameters },
		credentials: (options.credentials ?? simulatorCredentials(sim)) as never,
		inputItems: actions.map((json) => ({ json })),
		continueOnFail: options.continueOnFail,
	});
	const recent = (options.recent ?? []).map((json) => ({ json }));
	(ctx as unknown as { getInputData: (i?: number) => INodeExecutionData[] }).getInputData = (i = 0) => (i === 0 ? actions.map((json) => ({ json })) : recent);
	(ctx as unknown as { getExecutionId: () => string }).getExecutionId = () => 'exec-1';
	const items = await new AdsApply().execute.call(ctx);
	return { audit: items[0].map((i) => i.json), summary: items[1][0]?.json ?? {}, items };
}

/** Reads Graph directly (test side), to find targets and check state. */
export async function graph(sim: RunningSimulator, path: string): Promise<IDataObject> {
	const response = await fetch(`${sim.metaBaseUrl}/v25.0/${path}${path.includes('?') ? '&' : '?'}access_token=${SIM_META_ACCESS_TOKEN}`);
	return (await response.json()) as IDataObject;
}

export interface MetaTargets {
	accountId: string;
	currency: string;
	/** Ad sets with their own daily budget (not on a campaign budget). */
	adSets: Array<{ id: string; daily: number; status: string }>;
	/** Campaigns with a daily campaign budget. */
	campaigns: Array<{ id: string; daily: number; status: string }>;
	ads: Array<{ id: string; status: string }>;
}

export async function metaTargets(sim: RunningSimulator, limit = 100): Promise<MetaTargets> {
	const accounts = (await graph(sim, 'me/adaccounts?fields=account_id,currency')).data as IDataObject[];
	const account = accounts.find((a) => a.currency === 'EUR') ?? accounts[0];
	const accountId = String(account.account_id);
	const list = async (edge: string, fields: string) => {
		const rows: IDataObject[] = [];
		let after = '';
		do {
			const page = await graph(sim, `act_${accountId}/${edge}?fields=${fields}&limit=${Math.min(limit, 500)}${after ? `&after=${after}` : ''}`);
			rows.push(...((page.data as IDataObject[]) ?? []));
			const paging = page.paging as { next?: string; cursors?: { after?: string } } | undefined;
			after = paging?.next && rows.length < limit ? String(paging.cursors?.after ?? '') : '';
		} while (after);
		return rows;
	};
	const adSets = await list('adsets', 'id,daily_budget,status');
	const campaigns = await list('campaigns', 'id,daily_budget,status');
	const ads = await list('ads', 'id,status');
	const minor = (v: unknown) => Number(v) / 100;
	return {
		accountId,
		currency: String(account.currency),
		adSets: adSets.filter((a) => Number(a.daily_budget) > 0).map((a) => ({ id: String(a.id), daily: minor(a.daily_budget), status: String(a.status) })),
		campaigns: campaigns.filter((c) => Number(c.daily_budget) > 0).map((c) => ({ id: String(c.id), daily: minor(c.daily_budget), status: String(c.status) })),
		ads: ads.map((a) => ({ id: String(a.id), status: String(a.status) })),
	};
}

/** A context for calling transports/ports directly against the simulator. */
export function portContext(sim: RunningSimulator) {
	return createExecuteContext({ parameters: { authentication: 'refreshToken' }, credentials: simulatorCredentials(sim) as never });
}

export interface GoogleTargets {
	customerId: string;
	currency: string;
	campaigns: Array<{ id: string; daily: number; status: string; budget: string }>;
	adGroups: Array<{ id: string; bid: number | null; status: string }>;
}

export async function googleTargets(sim: RunningSimulator, index = 0): Promise<GoogleTargets> {
	const { search } = await import('../../nodes/GoogleAds/transport');
	const { MANAGER_ID } = await import('../../simulator/google/store');
	const ctx = portContext(sim);
	const clients = await search<IDataObject>(ctx, MANAGER_ID, 'SELECT customer_client.id, customer_client.manager FROM customer_client');
	const ids = clients.map((r) => r.customerClient as IDataObject).filter((c) => c.manager !== true).map((c) => String(c.id));
	const customerId = ids[index];
	const rows = await search<IDataObject>(ctx, customerId, 'SELECT campaign.id, campaign.status, campaign_budget.resource_name, campaign_budget.amount_micros, campaign_budget.reference_count, customer.currency_code FROM campaign');
	const groups = await search<IDataObject>(ctx, customerId, 'SELECT ad_group.id, ad_group.status, ad_group.cpc_bid_micros FROM ad_group');
	const o = (v: unknown) => (v ?? {}) as IDataObject;
	return {
		customerId,
		currency: String(o(rows[0]?.customer).currencyCode),
		campaigns: rows
			.filter((r) => Number(o(r.campaignBudget).referenceCount ?? 1) <= 1 && o(r.campaign).status !== 'REMOVED')
			.map((r) => ({ id: String(o(r.campaign).id), status: String(o(r.campaign).status), daily: Number(o(r.campaignBudget).amountMicros) / 1e6, budget: String(o(r.campaignBudget).resourceName) })),
		adGroups: groups.map((r) => ({ id: String(o(r.adGroup).id), status: String(o(r.adGroup).status), bid: o(r.adGroup).cpcBidMicros ? Number(o(r.adGroup).cpcBidMicros) / 1e6 : null })),
	};
}
