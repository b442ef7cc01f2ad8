/** Ads Alert end to end in one node: outputs per channel, digest, repeats, quiet hours, bad input. */
import { ObservableObject, type IDataObject } from 'n8n-workflow';

import { action, anomaly, auditItem, metaEvent, ruleLog } from './fixtures';
import { json, runAlert } from './fakeContext';

const NOW = Date.parse('2026-11-20T23:30:00Z'); // 00:30 in Berlin, 18:30 in New York
beforeEach(() => jest.useFakeTimers({ now: NOW, doNotFake: ['nextTick', 'setImmediate'] }));
afterEach(() => jest.useRealTimers());

const base = { channels: ['slack'], grouping: 'digest', cap: 20, minSeverity: 'info', dedupe: 'off', periodHours: 6 };

describe('outputs and grouping', () => {
	it('has one output per chosen channel in a fixed order, each with one digest', async () => {
		const out = await runAlert({ params: { ...base, channels: ['teams', 'slack', 'telegram'] }, items: [action(), anomaly()] });
		expect(out).toHaveLength(3);
		expect(out.map((o) => json(o).map((m) => m.channel))).toEqual([['slack'], ['telegram'], ['teams']]);
		for (const output of out) {
			expect(output[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
			expect(output[0].json).toMatchObject({ severity: 'critical', findingCount: 2 });
		}
	});

	it('orders a digest by severity and caps it with "and N more"', async () => {
		const items = [action(), ruleLog(), anomaly(), action({ entityId: '2', kind: 'notify', params: { message: 'Budget nearly spent', severity: 'warning' } })];
		const [[slack]] = await runAlert({ params: { ...base, cap: 2 }, items });
		expect((slack.json.findings as IDataObject[]).map((f) => f.severity)).toEqual(['critical', 'warning']);
		expect(slack.json).toMatchObject({ findingCount: 4, more: 2 });
		expect(JSON.stringify(slack.json.blocks)).toContain('…and 2 more findings');
	});

	it('sends one message per finding when asked, paired with its item', async () => {
		const [slack] = await runAlert({ params: { ...base, grouping: 'each' }, items: [action(), anomaly()] });
		expect(slack).toHaveLength(2);
		expect(slack.map((m) => m.pairedItem)).toEqual([[{ item: 1 }], [{ item: 0 }]]);
	});

	it('drops findings below the minimum severity, and sends nothing at all rather than an empty message', async () => {
		const [slack] = await runAlert({ params: { ...base, minSeverity: 'critical' }, items: [action(), ruleLog()] });
		expect(slack).toEqual([]);
		expect(await runAlert({ params: base, items: [] })).toEqual([[]]);
	});

	it('ignores items that are recognised but say nothing (skipped analytics rows, rules that did not match)', async () => {
		const [slack] = await runAlert({ params: base, items: [anomaly({ skipped: true, reason: 'thin data' }), ruleLog({ status: 'notMatched' })] });
		expect(slack).toEqual([]);
	});
});

describe('repeat suppression', () => {
	const staticRun = (items: IDataObject[], staticData: IDataObject, params: IDataObject = {}) =>
		runAlert({ params: { ...base, dedupe: 'staticData', ...params }, items, staticData });

	it('does not repeat a finding within the period, per channel; a worse severity breaks through', async () => {
		const staticData: IDataObject = {};
		expect(json((await staticRun([ruleLog()], staticData))[0])).toHaveLength(1);
		expect((await staticRun([ruleLog()], staticData))[0]).toEqual([]);
		// Another channel has not been told yet.
		const [slack, email] = await staticRun([ruleLog()], staticData, { channels: ['slack', 'email'] });
		expect(slack).toEqual([]);
		expect(email).toHaveLength(1);
		// Same entity and kind, now critical.
		const worse = anomaly({ platform: 'meta', accountId: '100010000000001', level: 'adSet', entityId: '23850000000000002', severity: 'warning' });
		await staticRun([worse], staticData);
		const [again] = await staticRun([{ ...worse, severity: 'critical' }], staticData);
		expect(json(again)[0]).toMatchObject({ severity: 'critical', findingCount: 1 });
		// Back to warning: not worse than what was sent, so quiet.
		expect((await staticRun([worse], staticData))[0]).toEqual([]);
	});

	it('sends again once the period is over, and forgets old entries', async () => {
		const staticData: IDataObject = {};
		await staticRun([ruleLog()], staticData);
		jest.setSystemTime(NOW + 6 * 3_600_000 + 1);
		expect(json((await staticRun([ruleLog()], staticData))[0])).toHaveLength(1);
		expect(Object.keys(staticData.sent as IDataObject)).toHaveLength(1);
	});

	it('leaves static data untouched when nothing was sent and nothing expired (n8n then does not save the run\'s stale copy)', async () => {
		// n8n's own observable wrapper: __dataChanged is what decides whether n8n saves a run's static data.
		const staticData = ObservableObject.create({}) as IDataObject & { __dataChanged?: boolean };
		await staticRun([ruleLog()], staticData);
		expect(staticData.__dataChanged).toBe(true);
		staticData.__dataChanged = false;
		expect((await staticRun([ruleLog()], staticData))[0]).toEqual([]);
		expect(staticData.__dataChanged).toBe(false);
		// An entry past the period is dropped: that is a change.
		jest.setSystemTime(NOW + 6 * 3_600_000 + 1);
		await staticRun([], staticData);
		expect(staticData.__dataChanged).toBe(true);
		expect(staticData.sent).toEqual({});
	});

	it('reads recent alerts from the second input and says what it sent, for the template to store', async () => {
		const key = 'meta:100010000000001:adSet:23850000000000002:rule Pause bleeders';
		const recent = [{ key, channel: 'slack', severity: 'warning', sentAt: new Date(NOW - 3_600_000).toISOString() }];
		const held = await runAlert({ params: { ...base, dedupe: 'input' }, items: [ruleLog()], recent });
		expect(held[0]).toEqual([]);
		const [[sent]] = await runAlert({ params: { ...base, dedupe: 'input' }, items: [ruleLog()], recent: [{ ...recent[0], sentAt: new Date(NOW - 7 * 3_600_000).toISOString() }] });
		expect(sent.json.sent).toEqual([{ key, channel: 'slack', severity: 'warning', sentAt: new Date(NOW).toISOString() }]);
	});
});

describe('quiet hours', () => {
	const quiet = (timezone: string, start = '22:00', end = '07:00') => ({ window: [{ channel: 'slack', start, end, timezone }] });

	it('holds warnings and info on the quiet channel in its time zone; criticals break through', async () => {
		const [slack, email] = await runAlert({ params: { ...base, channels: ['slack', 'email'], quietHours: quiet('Europe/Berlin') }, items: [action(), ruleLog(), anomaly()] });
		expect(json(slack)[0]).toMatchObject({ findingCount: 1, severity: 'critical', heldForQuietHours: 2 });
		expect(json(email)[0]).toMatchObject({ findingCount: 3, heldForQuietHours: 0 });
	});

	it('is awake outside the window (18:30 in New York) and across midnight windows', async () => {
		const [ny] = await runAlert({ params: { ...base, quietHours: quiet('America/New_York') }, items: [action()] });
		expect(json(ny)[0]).toMatchObject({ findingCount: 1, heldForQuietHours: 0 });
		const [day] = await runAlert({ params: { ...base, quietHours: quiet('America/New_York', '09:00', '17:00') }, items: [action()] });
		expect(json(day)).toHaveLength(1);
		const [evening] = await runAlert({ params: { ...base, quietHours: quiet('America/New_York', '18:00', '19:00') }, items: [action()] });
		expect(evening).toEqual([]);
	});

	it('does not remember held findings as sent, so they go out after the quiet hours', async () => {
		const staticData: IDataObject = {};
		const params = { ...base, dedupe: 'staticData', quietHours: quiet('Europe/Berlin') };
		expect((await runAlert({ params, items: [ruleLog()], staticData }))[0]).toEqual([]);
		jest.setSystemTime(Date.parse('2026-11-21T08:00:00Z'));
		expect(json((await runAlert({ params, items: [ruleLog()], staticData }))[0])).toHaveLength(1);
	});

	it('names a bad time zone or time', async () => {
		await expect(runAlert({ params: { ...base, quietHours: quiet('Mars/Olympus') }, items: [action()] })).rejects.toThrow('Quiet hours window 1: Time zone "Mars/Olympus" is not an IANA time zone');
		await expect(runAlert({ params: { ...base, quietHours: quiet('UTC', '25:00') }, items: [action()] })).rejects.toThrow('Quiet hours window 1: From must be a time like 22:00 (got "25:00")');
	});
});

describe('bad input', () => {
	it('names the item that is not a finding, and under Continue On Fail goes on with the others', async () => {
		await expect(runAlert({ params: base, items: [action(), { spend: 12 }] })).rejects.toThrow(/Item 1 is not something Ads Alert can tell people about.*spend/);
		const [slack] = await runAlert({ params: base, items: [action(), { spend: 12 }, auditItem()], continueOnFail: true });
		expect(json(slack).map((m) => m.error ?? m.findingCount)).toEqual([2, expect.stringMatching(/^Item 1 /)]);
		expect(slack[1].pairedItem).toEqual({ item: 1 });
	});

	it('names an event with a field it does not know', async () => {
		await expect(runAlert({ params: base, items: [metaEvent({ field: 'budget_spent_up' })] })).rejects.toThrow('Item 0: Meta Ads Trigger event with unknown field "budget_spent_up"');
	});

	it('says when an item is an error from an earlier node', async () => {
		await expect(runAlert({ params: base, items: [{ error: 'Meta said no' }] })).rejects.toThrow('Item 0 is an error item from an earlier node: Meta said no');
	});

	it('needs a channel', async () => {
		await expect(runAlert({ params: { ...base, channels: [] }, items: [action()] })).rejects.toThrow('Pick at least one channel');
	});
});
