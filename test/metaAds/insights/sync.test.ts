import { adRow, graph, graphError, instantWaits, metaRow, params, runNode, runNodeError, v } from './helpers';

beforeEach(() => instantWaits());

const campaignRow = (id: string, date: string, extra = {}) => metaRow({ campaign_id: id, campaign_name: `Camp ${id}`, date, ...extra });

describe('Insight → Get, sync path', () => {
	it('asks for the right fields and period and outputs one metric row per campaign and day', async () => {
		let sentQuery: Record<string, string> = {};
		const scope = graph()
			.get(v('/act_1/insights'))
			.query((q) => {
				sentQuery = q as Record<string, string>;
				return true;
			})
			.reply(200, { data: [campaignRow('c1', '2026-03-01'), campaignRow('c1', '2026-03-02')] });

		const { items, ctx } = await runNode(params());

		expect(scope.isDone()).toBe(true);
		expect(sentQuery).toEqual({
			level: 'campaign',
			fields:
				'account_id,account_name,account_currency,campaign_id,campaign_name,date_start,date_stop,impressions,clicks,spend,actions,action_values,reach,frequency',
			time_increment: '1',
			time_range: '{"since":"2026-03-01","until":"2026-03-02"}',
			limit: '500',
		});
		expect(ctx.sentRequests).toHaveLength(1);
		expect(items).toHaveLength(2);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json).toMatchObject({
			schema: 'adpilot.metricRow/v1',
			platform: 'meta',
			level: 'campaign',
			entityId: 'c1',
			entityName: 'Camp c1',
			accountId: '1',
			campaignId: 'c1',
			adSetId: null,
			date: '2026-03-01',
			dateStop: '2026-03-01',
			currency: 'EUR',
			impressions: 1000,
			clicks: 10,
			spend: 20,
			conversions: 2,
			value: 50,
			reach: 800,
			frequency: 1.25,
			ctr: 0.01,
			cpc: 2,
			cpm: 20,
			cpa: 10,
			roas: 2.5,
		});
		expect(items[0].json).not.toHaveProperty('raw');
		expect(items[0].json).not.toHaveProperty('breakdowns');
	});

	it('follows paging cursors until the last page', async () => {
		graph()
			.get(v('/act_1/insights'))
			.query((q) => q.after === undefined)
			.reply(200, {
				data: [campaignRow('c1', '2026-03-01')],
				paging: { cursors: { after: 'CUR1' }, next: 'https://graph.meta.test/v25.0/act_1/insights?after=CUR1' },
			})
			.get(v('/act_1/insights'))
			.query((q) => q.after === 'CUR1')
			.reply(200, {
				data: [campaignRow('c2', '2026-03-01')],
				paging: { cursors: { after: 'CUR2' }, next: 'https://graph.meta.test/v25.0/act_1/insights?after=CUR2' },
			})
			.get(v('/act_1/insights'))
			.query((q) => q.after === 'CUR2')
			.reply(200, { data: [campaignRow('c3', '2026-03-01')], paging: { cursors: { after: 'CUR3' } } });

		const { items } = await runNode(params({ options: { pageSize: 1 } }));

		expect(items.map((i) => i.json.entityId)).toEqual(['c1', 'c2', 'c3']);
	});

	it('uses a date preset and whole-period rows when asked', async () => {
		const scope = graph()
			.get(v('/act_1/insights'))
			.query((q) => q.date_preset === 'last_7d' && q.time_increment === 'all_days' && q.time_range === undefined)
			.reply(200, { data: [campaignRow('c1', '2026-03-01', { date_stop: '2026-03-07' })] });

		const { items } = await runNode(params({ dateMode: 'preset', datePreset: 'last_7d', timeIncrement: 'all_days' }));

		expect(scope.isDone()).toBe(true);
		expect(items[0].json).toMatchObject({ date: '2026-03-01', dateStop: '2026-03-07' });
	});

	it('reads a campaign object with its own id path', async () => {
		const scope = graph()
			.get(v('/120200/insights'))
			.query((q) => q.level === 'adset')
			.reply(200, { data: [metaRow({ campaign_id: '120200', adset_id: 's9', adset_name: 'Set 9', date: '2026-03-01' })] });

		const { items } = await runNode(params({ scope: 'campaign', campaignId: { __rl: true, mode: 'id', value: '120200' }, level: 'adset' }));

		expect(scope.isDone()).toBe(true);
		expect(items[0].json).toMatchObject({ level: 'adSet', entityId: 's9', entityName: 'Set 9', campaignId: '120200' });
	});

	it('keeps the raw row with its actions only when asked, and extra fields imply raw', async () => {
		graph().get(v('/act_1/insights')).query(true).reply(200, { data: [campaignRow('c1', '2026-03-01')] });
		const { items } = await runNode(params({ options: { includeRaw: true } }));
		expect((items[0].json.raw as { actions: unknown }).actions).toEqual([{ action_type: 'offsite_conversion.fb_pixel_purchase', value: '2' }]);

		let fields = '';
		graph()
			.get(v('/act_1/insights'))
			.query((q) => {
				fields = String(q.fields);
				return true;
			})
			.reply(200, { data: [campaignRow('c1', '2026-03-01', { cost_per_action_type: [] })] });
		const extra = await runNode(params({ options: { extraFields: 'cost_per_action_type, reach' } }));
		expect(fields.endsWith(',reach,frequency,cost_per_action_type')).toBe(true);
		expect((extra.items[0].json.raw as { cost_per_action_type: unknown }).cost_per_action_type).toEqual([]);
	});

	it('Auto conversions: requests the objective and counts leads for lead campaigns without double counting', async () => {
		let fields = '';
		graph()
			.get(v('/act_1/insights'))
			.query((q) => {
				fields = String(q.fields);
				return true;
			})
			.reply(200, {
				data: [
					campaignRow('c1', '2026-03-01', {
						objective: 'OUTCOME_LEADS',
						actions: [
							{ action_type: 'lead', value: '9' },
							{ action_type: 'offsite_conversion.fb_pixel_lead', value: '4' },
							{ action_type: 'onsite_conversion.lead_grouped', value: '5' },
						],
						action_values: [],
					}),
					campaignRow('c2', '2026-03-01', {
						objective: 'OUTCOME_SALES',
						actions: [
							{ action_type: 'omni_purchase', value: '3' },
							{ action_type: 'offsite_conversion.fb_pixel_purchase', value: '2' },
							{ action_type: 'onsite_conversion.purchase', value: '1' },
						],
					}),
				],
			});

		const { items } = await runNode(params({ conversionPreset: 'auto' }));

		expect(fields).toContain(',objective');
		expect(items.map((i) => [i.json.conversions, i.json.cpa])).toEqual([
			[9, 20 / 9],
			[3, 20 / 3],
		]);
	});

	it('counts a custom list in a chosen attribution window and sends the windows', async () => {
		let query: Record<string, string> = {};
		graph()
			.get(v('/act_1/insights'))
			.query((q) => {
				query = q as Record<string, string>;
				return true;
			})
			.reply(200, {
				data: [
					campaignRow('c1', '2026-03-01', {
						actions: [{ action_type: 'complete_registration', value: '5', '7d_click': '4', '1d_view': '1' }],
						action_values: [],
					}),
				],
			});

		const { items } = await runNode(
			params({
				conversionPreset: 'custom',
				conversionActionTypes: 'complete_registration',
				options: { attributionWindows: ['7d_click', '1d_view'], conversionWindow: '7d_click', actionReportTime: 'conversion' },
			}),
		);

		expect(query.action_attribution_windows).toBe('["7d_click","1d_view"]');
		expect(query.action_report_time).toBe('conversion');
		expect(items[0].json.conversions).toBe(4);
		expect(items[0].json.roas).toBe(0);
	});

	it('falls back to an async job when Meta times out the sync call (100/1504018)', async () => {
		graph()
			.get(v('/act_1/insights'))
			.query(true)
			.reply(400, graphError(100, 1504018, 'Request timed out, please use async'))
			.post(v('/act_1/insights'))
			.query((q) => q.level === 'campaign' && q.limit === undefined)
			.reply(200, { report_run_id: 'run1' })
			.get(v('/run1'))
			.query(true)
			.reply(200, { id: 'run1', async_status: 'Job Completed', async_percent_completion: 100 })
			.get(v('/run1/insights'))
			.query(true)
			.reply(200, { data: [campaignRow('c1', '2026-03-01')] });

		const { items } = await runNode(params());

		expect(items.map((i) => i.json.entityId)).toEqual(['c1']);
	});

	it('in Always Sync mode a sync timeout fails and says to switch the mode', async () => {
		graph().get(v('/act_1/insights')).query(true).reply(400, graphError(100, 1504018, 'Request timed out, please use async'));

		const error = await runNodeError(params({ level: 'ad', options: { mode: 'sync' } }));

		expect(error.message).toContain('Request timed out');
		expect(error.description).toContain('Mode to Auto or Always Async');
		expect(error.context?.itemIndex).toBe(0);
	});

	it('adds breakdown values and goes async for breakdowns in Auto mode', async () => {
		graph()
			.post(v('/act_1/insights'))
			.query((q) => q.breakdowns === 'age,gender')
			.reply(200, { report_run_id: 'run2' })
			.get(v('/run2'))
			.query(true)
			.reply(200, { async_status: 'Job Completed', async_percent_completion: 100 })
			.get(v('/run2/insights'))
			.query(true)
			.reply(200, {
				data: [
					campaignRow('c1', '2026-03-01', { age: '18-24', gender: 'female' }),
					campaignRow('c1', '2026-03-01', { age: '18-24', gender: 'male' }),
				],
			});

		const { items } = await runNode(params({ breakdowns: ['age', 'gender'] }));

		expect(items.map((i) => i.json.breakdowns)).toEqual([
			{ age: '18-24', gender: 'female' },
			{ age: '18-24', gender: 'male' },
		]);
	});

	it('output never contains the access token', async () => {
		graph().get(v('/act_1/insights')).query(true).reply(200, { data: [adRow('a1', '2026-03-01')] });
		const { items } = await runNode(params({ level: 'ad', options: { mode: 'sync', includeRaw: true } }));
		expect(JSON.stringify(items)).not.toContain('EAAtesttoken');
	});
});

describe('Insight → Get, "use async" answers', () => {
	it('falls back to an async job at once on 2/1504038 (the transport does not retry it)', async () => {
		graph()
			.get(v('/act_1/insights'))
			.times(1)
			.query(true)
			.reply(500, graphError(2, 1504038, 'Service temporarily unavailable: please use async'))
			.post(v('/act_1/insights'))
			.query(true)
			.reply(200, { report_run_id: 'run9' })
			.get(v('/run9'))
			.query(true)
			.reply(200, { async_status: 'Job Completed', async_percent_completion: 100 })
			.get(v('/run9/insights'))
			.query(true)
			.reply(200, { data: [campaignRow('c1', '2026-03-01')] });

		const { items, ctx } = await runNode(params());

		expect(items.map((i) => i.json.entityId)).toEqual(['c1']);
		expect(ctx.sentRequests.filter((r) => r.method === 'GET' && r.url.endsWith('/act_1/insights'))).toHaveLength(1);
	});
});

describe('Insight → Get, node description', () => {
	it('has an operation selector without expressions, with an action, and scopes every field to insights/get', async () => {
		const { MetaAds } = await import('../../../nodes/MetaAds/MetaAds.node');
		const properties = new MetaAds().description.properties.filter((p) => p.displayOptions?.show?.resource?.includes('insights'));
		const operation = properties.find((p) => p.name === 'operation')!;
		expect(operation.noDataExpression).toBe(true);
		expect(operation.options).toEqual([expect.objectContaining({ value: 'get', action: 'Get insights' })]);
		for (const property of properties.filter((p) => p.name !== 'operation')) {
			expect(property.displayOptions?.show).toMatchObject({ resource: ['insights'], operation: ['get'] });
		}
	});
});
