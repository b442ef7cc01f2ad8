import { NodeOperationError } from 'n8n-workflow';

import { byId, graph, instantWaits, metaRow, params, runNode, runNodeError, v } from './helpers';

beforeEach(() => instantWaits());

describe('Insight → Get, bad input', () => {
	it.each([
		[{ since: '2026-03-05', until: '2026-03-01' }, 'Since (2026-03-05) is after Until (2026-03-01) on item 0'],
		[{ since: '2026-02-30' }, 'Since on item 0 is not a date: "2026-02-30"'],
		[{ until: 'next tuesday' }, 'Until on item 0 is not a date: "next tuesday"'],
		[{ level: 'keyword' }, 'Level on item 0 is "keyword", which is not one of account, campaign, adset, ad'],
		[{ dateMode: 'preset', datePreset: 'last_century' }, 'Date Preset on item 0 is "last_century"'],
		[{ breakdowns: ['age', 'shoe_size'] }, 'Breakdowns on item 0 is "shoe_size"'],
		[{ conversionPreset: 'custom', conversionActionTypes: ' , ' }, 'Conversion Action Types on item 0 is empty'],
		[{ options: { conversionWindow: '7d_click' } }, 'Conversion Window 7d_click on item 0 is not among the requested Attribution Windows'],
		[{ options: { maxJobWaitMinutes: 0 } }, 'Max Job Wait (Minutes) on item 0 must be a number above 0, got 0'],
		[{ options: { mode: 'turbo' } }, 'Mode on item 0 is "turbo"'],
		[{ adAccountId: byId('acct-9') }, '"acct-9" is not a Meta ad account ID'],
		[{ scope: 'campaign', campaignId: byId('c-1') }, 'Campaign ID on item 0 must be a numeric Meta ID, got "c-1"'],
	])('refuses %j before calling Meta', async (overrides, message) => {
		const error = await runNodeError(params(overrides));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toContain(message);
		expect(error.context?.itemIndex).toBe(0);
	});

	it('names the failing item and goes on under Continue On Fail', async () => {
		graph()
			.get(v('/act_1/insights'))
			.query(true)
			.reply(200, { data: [metaRow({ campaign_id: 'c1', date: '2026-03-01' })] });

		const { items } = await runNode([params({ since: '2026-03-09' }), params()], { continueOnFail: true });

		expect(items).toHaveLength(2);
		expect(items[0]).toEqual({
			json: { error: 'Since (2026-03-09) is after Until (2026-03-02) on item 0' },
			pairedItem: { item: 0 },
		});
		expect(items[1].json.entityId).toBe('c1');
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});

	it('stops at the failing item without Continue On Fail, naming it', async () => {
		const scope = graph()
			.get(v('/act_1/insights'))
			.query(true)
			.reply(200, { data: [metaRow({ campaign_id: 'c1', date: '2026-03-01' })] });

		const error = await runNodeError([params(), params({ level: 'nope' })]);

		expect(scope.isDone()).toBe(true);
		expect(error.message).toContain('Level on item 1 is "nope"');
		expect(error.context?.itemIndex).toBe(1);
	});

	it('reports a Meta API failure as a NodeApiError for that item under Continue On Fail', async () => {
		graph()
			.get(v('/act_1/insights'))
			.query(true)
			.reply(400, { error: { message: '(#100) Missing permissions', type: 'OAuthException', code: 100 } });

		const { items } = await runNode(params(), { continueOnFail: true });

		expect(items).toHaveLength(1);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(String(items[0].json.error)).toContain('Missing permissions');
	});
});
