import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { insightsRuntime } from '../../../nodes/MetaAds/actions/insights/runtime';
import { MetaAds } from '../../../nodes/MetaAds/MetaAds.node';
import { META_BASE_URL, META_VERSION, metaExecuteContext } from '../helpers';

export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const graph = () => nock(META_BASE_URL);
export const v = (path: string) => `/${META_VERSION}${path}`;

/** Makes polling and transport backoff instant; returns the pauses asked for. */
export function instantWaits(): { pollSleeps: number[]; transportSleeps: number[] } {
	const pollSleeps: number[] = [];
	const transportSleeps: number[] = [];
	insightsRuntime.sleep = async (ms) => {
		pollSleeps.push(ms);
	};
	insightsRuntime.transport = {
		sleep: async (ms) => {
			transportSleeps.push(ms);
		},
		random: () => 0.5,
	};
	return { pollSleeps, transportSleeps };
}

/** Parameters for Insight → Get on act_1, campaign level, two daily rows; override what a test needs. */
export function params(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'insights',
		operation: 'get',
		scope: 'account',
		adAccountId: byId('act_1'),
		level: 'campaign',
		dateMode: 'range',
		since: '2026-03-01',
		until: '2026-03-02',
		timeIncrement: 'daily',
		breakdowns: [],
		conversionPreset: 'sales',
		options: {},
		...overrides,
	};
}

/** A Graph insights row for an entity and day (strings, as Meta sends them). */
export function metaRow(fields: IDataObject & { date: string }): IDataObject {
	const { date, ...rest } = fields;
	return {
		account_id: '1',
		account_name: 'Shop',
		account_currency: 'EUR',
		date_start: date,
		date_stop: date,
		impressions: '1000',
		clicks: '10',
		spend: '20.00',
		reach: '800',
		frequency: '1.25',
		actions: [{ action_type: 'offsite_conversion.fb_pixel_purchase', value: '2' }],
		action_values: [{ action_type: 'offsite_conversion.fb_pixel_purchase', value: '50.00' }],
		...rest,
	};
}

export const adRow = (ad: string, date: string, extra: IDataObject = {}) =>
	metaRow({ campaign_id: 'c1', adset_id: 's1', ad_id: ad, ad_name: `Ad ${ad}`, date, ...extra });

export async function runNode(parameters: IDataObject | IDataObject[], options: { continueOnFail?: boolean } = {}) {
	const node = new MetaAds();
	const ctx = metaExecuteContext({ parameters, continueOnFail: options.continueOnFail, nodeType: node });
	const [items] = (await node.execute.call(ctx)) as INodeExecutionData[][];
	return { items, ctx };
}

export async function runNodeError(parameters: IDataObject | IDataObject[]) {
	try {
		await runNode(parameters);
	} catch (error) {
		return error as Error & { context?: IDataObject; description?: string };
	}
	throw new Error('expected the node to fail');
}

export const graphError = (code: number, subcode: number | undefined, message: string) => ({
	error: { message, type: 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }), fbtrace_id: 'trace' },
});
