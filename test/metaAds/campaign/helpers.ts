import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MetaAds } from '../../../nodes/MetaAds/MetaAds.node';
import { META_BASE_URL, META_TEST_TOKEN, META_VERSION, metaExecuteContext } from '../helpers';

/** A resource locator parameter value as the editor stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export const graph = () => nock(META_BASE_URL);
export const v = (path: string) => `/${META_VERSION}${path}`;

/** Runs the whole node (router included) over one parameter set per item. */
export async function runNode(parameters: IDataObject | IDataObject[], options: { continueOnFail?: boolean } = {}) {
	const node = new MetaAds();
	const ctx = metaExecuteContext({ parameters, continueOnFail: options.continueOnFail, nodeType: node });
	const [items] = (await node.execute.call(ctx)) as INodeExecutionData[][];
	return { items, ctx };
}

/** Expects the node to fail and returns the error. */
export async function runNodeError(parameters: IDataObject | IDataObject[]): Promise<Error & { context?: IDataObject; description?: string }> {
	try {
		await runNode(parameters);
	} catch (error) {
		return error as Error & { context?: IDataObject };
	}
	throw new Error('expected the node to fail');
}

/** Account currency + minimum budget answers most money tests need. */
export function mockAccount(account = 'act_1', currency = 'EUR', minDaily = 100) {
	return graph()
		.get(v(`/${account}`))
		.query({ fields: 'currency' })
		.reply(200, { id: account, currency })
		.get(v(`/${account}/minimum_budgets`))
		.query(true)
		.reply(200, { data: [{ currency, min_daily_budget_imp: minDaily, min_daily_budget_high_freq: minDaily * 5 }] });
}

/** Never a token in what a user or log can see. */
export function expectNoToken(value: unknown) {
	expect(JSON.stringify(value)).not.toContain(META_TEST_TOKEN);
}

/** Captures a request body nock received. */
export function capture() {
	const bodies: IDataObject[] = [];
	return {
		bodies,
		match: (body: IDataObject) => {
			bodies.push(body);
			return true;
		},
	};
}
