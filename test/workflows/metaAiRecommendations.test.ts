import { parseAction, parseMetricRow } from '../../nodes/shared/contracts';
import { SIM_OPENAI_API_KEY } from '../../simulator/credentials';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { runWorkflow } from '../harness/runWorkflow';
import { loadTemplate, simulatorCredentials } from './templates';

// Template: schedule → Meta insights → Ads Rules (input 2, the fallback) + Ads AI (input 1) → Slack.
describe('template: Meta Ads AI recommendations with rules as the fallback', () => {
	let sim: RunningSimulator;
	const credentials = () => ({ ...simulatorCredentials(sim), adPilotOpenAiApi: { apiKey: SIM_OPENAI_API_KEY, organization: '', baseUrl: sim.openAiBaseUrl } });
	beforeAll(async () => {
		sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 6, adSetsPerCampaign: 4 } });
	});
	afterAll(async () => sim.close());
	beforeEach(() => sim.reset());

	it('posts the model’s checked proposals and its summary', async () => {
		const result = await runWorkflow(loadTemplate('meta-ai-recommendations.json'), { credentials: credentials() });
		const rows = result.output('Ad set insights, last 14 days');
		for (const row of rows) expect(parseMetricRow(row).ok).toBe(true);
		const out = result.output('Recommend changes');
		const summary = out.find((o) => o.summary === true);
		expect(summary).toMatchObject({ status: 'ok', operation: 'recommendChanges' });
		const actions = out.filter((o) => o.summary !== true);
		expect(actions.length).toBeGreaterThan(0);
		const adSets = new Set(rows.map((r) => String(r.entityId)));
		for (const action of actions) {
			expect(parseAction(action).ok).toBe(true);
			expect(action.source).toMatchObject({ type: 'ai', model: 'gpt-5-mini' });
			expect(adSets.has(String(action.entityId))).toBe(true);
		}
		const posted = result.recorded['Post to Slack'];
		expect(posted).toEqual([out]);
	});

	it('passes the rule actions through whole when the model refuses', async () => {
		sim.setOpenAiKnobs({ nextRefusals: 1 });
		const result = await runWorkflow(loadTemplate('meta-ai-recommendations.json'), { credentials: credentials() });
		const rules = result.output('Rules (fallback)');
		expect(rules.length).toBeGreaterThan(0);
		const out = result.output('Recommend changes');
		expect(out.find((o) => o.summary === true)).toMatchObject({ status: 'fallback', fallback: { kind: 'refusal', actions: rules.length } });
		expect(out.filter((o) => o.summary !== true)).toEqual(rules);
	});
});
