/**
 * Template "A/B test watcher" (workflows/ab-test-watcher.json), its AdPilot
 * path in process against the simulator's seeded test (the sandbox ad set
 * YOUR_AB_TEST_AD_SET_ID: three active ads, one with a clearly higher CTR):
 * insights → Compare A/B Test (winner) → the template's "Pause the losers"
 * code → Plan → Apply with the approved digest → Ads Alert report.
 * The simulator's change log holds exactly the losers' pauses.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { runTemplateChain, runTemplateCode } from './templatePath';
import { loadTemplate, simulatorCredentials } from './templates';

const template = loadTemplate('ab-test-watcher.json');
const ROWS = 'Ads of the test ad set, last 14 days';
const COMPARE = 'Compare the ads';
const PLAN = 'Plan the pauses (dry run)';
const APPLY = 'Apply the approved pauses';
const AD_SET = '120300100000000002';

describe('template: A/B test watcher', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		// The sandbox's dataset shape (seed 1): the ids and each ad's CTR are the same.
		sim = await startSimulator({ dataset: { today: '2026-11-20' } });
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	it('finds the significant winner, pauses exactly the losing ads once approved, and reports it', async () => {
		const credentials = simulatorCredentials(sim);
		const rows = (await runTemplateChain(template, [ROWS], [], { credentials })).output(ROWS);
		expect(rows.length).toBe(3);
		expect(rows.every((r) => r.adSetId === AD_SET && r.level === 'ad')).toBe(true);

		const [test] = (await runTemplateChain(template, [COMPARE], rows, { credentials })).output(COMPARE);
		expect(test.verdict).toBe('winner');
		const ctr = (r: IDataObject) => Number(r.clicks) / Number(r.impressions);
		const best = [...rows].sort((a, b) => ctr(b) - ctr(a))[0];
		expect(test.winner).toBe(best.entityId);
		const losers = rows.filter((r) => r.entityId !== best.entityId).map((r) => String(r.entityId)).sort();

		const actions = runTemplateCode(template, 'Pause the losers', [test], { [ROWS]: rows }).map((i) => i.json);
		expect(actions.map((a) => a.entityId).sort()).toEqual(losers);
		for (const action of actions) expect(action).toMatchObject({ schema: 'adpilot.action/v1', platform: 'meta', level: 'ad', kind: 'pause', params: {} });

		const plan = await runTemplateChain(template, [PLAN], actions, { credentials });
		const [summary] = plan.output(PLAN, 1);
		expect(plan.output(PLAN, 0).map((a) => [a.entityId, a.decision, a.before, a.after])).toEqual(actions.map((a) => [a.entityId, 'apply', 'active', 'paused']));
		expect(sim.changes()).toEqual([]);

		const applied = await runTemplateChain(template, [APPLY, 'Report the result'], actions, { credentials, parameters: { [APPLY]: { approvedDigest: String(summary.planDigest) } } });
		expect(sim.changes().map((c) => [c.entity, (c.fields as IDataObject).status])).toEqual(losers.map((id) => [id, { before: 'ACTIVE', after: 'PAUSED' }]));
		const [email] = applied.output('Report the result', 1);
		expect(email.channel).toBe('email');
		for (const id of losers) expect(String(email.html)).toContain(String(rows.find((r) => r.entityId === id)!.entityName).replace(/&/g, '&amp;'));

		// The next day the test still names the same winner: the pauses are done, nothing is asked.
		const again = await runTemplateChain(template, [PLAN], actions, { credentials });
		expect(again.output(PLAN, 1)[0]).toMatchObject({ apply: 0, clamp: 0, noop: losers.length });
	});
});
