/**
 * `create` on Meta: a campaign plan as Ads AI's Plan New Campaign emits it.
 * Plan validates (validate_only) and creates nothing; Apply creates campaign,
 * creative, ad set and ad PAUSED, in order, once; a failure part-way deletes
 * what the action created; Revert pauses the created campaign.
 */
import type { IDataObject } from 'n8n-workflow';

import { AdsApply } from '../../nodes/AdsApply/AdsApply.node';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { createExecuteContext } from '../helpers/context';
import { action, DATASET, graph, metaTargets, runApply, type MetaTargets } from './support';

let sim: RunningSimulator;
let t: MetaTargets;
let imageHash: string;

beforeAll(async () => {
	sim = await startSimulator({ dataset: DATASET });
});
afterAll(async () => sim.close());
beforeEach(async () => {
	sim.reset();
	t = await metaTargets(sim);
	const images = (await graph(sim, `act_${t.accountId}/adimages?fields=hash`)).data as IDataObject[];
	imageHash = String(images[0].hash);
});

/** The spec Ads AI's checkMetaPlan emits, plus the image a link ad needs. */
function spec(overrides: { campaign?: IDataObject; adSet?: IDataObject; creative?: IDataObject } = {}): IDataObject {
	return {
		campaign: { name: 'Spring Sale', objective: 'OUTCOME_TRAFFIC', specialAdCategories: [], budgetType: 'none', isAdsetBudgetSharingEnabled: false, status: 'PAUSED', ...overrides.campaign },
		adSet: { name: 'Spring Sale DE', optimizationGoal: 'LINK_CLICKS', billingEvent: 'IMPRESSIONS', budgetType: 'daily', budgetAmount: 25, currency: t.currency, countries: ['DE'], ageMin: 25, ageMax: 55, status: 'ACTIVE', ...overrides.adSet },
		creative: { name: 'Spring Sale creative', creativeType: 'link', pageId: '1234567890', linkUrl: 'https://example.com/spring', imageHash, message: 'Spring prices', headline: 'Save 20%', description: 'This week only', callToAction: 'SHOP_NOW', ...overrides.creative },
		ad: { name: 'Spring Sale ad', status: 'PAUSED' },
	};
}
const create = (s: IDataObject) => action({ platform: 'meta', accountId: t.accountId, level: 'campaign', entityId: 'new:Spring Sale', kind: 'create', params: { objectType: 'metaCampaignPlan', spec: s } });
const apply = { operation: 'apply', requireApprovedDigest: false };

describe('create on Meta', () => {
	it('Plan validates with validate_only and creates nothing; Apply creates all four PAUSED once; re-applying is a noop', async () => {
		const plan = await runApply(sim, { operation: 'plan' }, [create(spec())]);
		expect(plan.audit[0]).toMatchObject({ decision: 'apply', property: 'create', validated: true, applied: false, currency: t.currency });
		expect(plan.audit[0].response).toMatchObject({ validatedByMeta: ['campaign', 'creative'], checkedLocally: ['adSet', 'ad'] });
		expect(sim.changes()).toEqual([]);

		const applied = await runApply(sim, { operation: 'apply', approvedDigest: plan.summary.planDigest }, [create(spec())]);
		expect(applied.audit[0]).toMatchObject({ applied: true, error: null });
		const created = (applied.audit[0].response as { created: Array<{ level: string; id: string }> }).created;
		expect(created.map((c) => c.level)).toEqual(['campaign', 'creative', 'adSet', 'ad']);
		const log = sim.changes();
		expect(log.map((c) => [c.operation, c.objectType, c.entity])).toEqual([
			['create', 'campaign', created[0].id], ['create', 'adcreative', created[1].id], ['create', 'adset', created[2].id], ['create', 'ad', created[3].id],
		]);
		// The spec asked for an ACTIVE ad set: Apply creates everything PAUSED anyway.
		expect(log.filter((c) => c.objectType !== 'adcreative').map((c) => c.fields.status.after)).toEqual(['PAUSED', 'PAUSED', 'PAUSED']);
		const adSet = await graph(sim, `${created[2].id}?fields=campaign_id,daily_budget,targeting`);
		expect(adSet).toMatchObject({ campaign_id: created[0].id, daily_budget: '2500' });
		expect((adSet.targeting as IDataObject).geo_locations).toEqual({ countries: ['DE'] });
		expect(await graph(sim, `${created[3].id}?fields=adset_id`)).toMatchObject({ adset_id: created[2].id });

		const again = await runApply(sim, apply, [create(spec())]);
		expect(again.audit[0]).toMatchObject({ decision: 'noop', applied: false });
		expect(String(again.audit[0].reason)).toContain(created[0].id);
		expect(sim.changes().length).toBe(4);
	});

	it('a validation failure is a reject with Meta\'s reason, and nothing is written', async () => {
		const plan = await runApply(sim, { operation: 'plan' }, [create(spec({ creative: { imageHash: 'abcdef0123456789' } }))]);
		expect(plan.audit[0]).toMatchObject({ decision: 'reject', validated: false });
		expect(String(plan.audit[0].reason)).toMatch(/platform refuses.*(image|Invalid parameter)/i);
		expect(sim.changes()).toEqual([]);
	});

	it('a refusal part-way deletes what the action created, so re-applying starts clean', async () => {
		// Apply without validation: the ad set budget is below Meta's minimum, so the third object fails.
		const run = await runApply(sim, { ...apply, options: { validateOnPlatform: false } }, [create(spec({ adSet: { budgetAmount: 0.05 } }))]);
		expect(run.audit[0]).toMatchObject({ decision: 'apply', applied: false });
		expect(String(run.audit[0].error)).toMatch(/Meta refused the adSet: .*deleted what this action had created \(campaign \d+, creative \d+\)/);
		expect(run.summary).toMatchObject({ applied: 0, failed: 1 });
		expect(sim.changes().map((c) => [c.operation, c.objectType])).toEqual([['create', 'campaign'], ['create', 'adcreative'], ['delete', 'adcreative'], ['delete', 'campaign']]);
		const retry = await runApply(sim, apply, [create(spec())]);
		expect(retry.audit[0]).toMatchObject({ decision: 'apply', applied: true });
	});

	it('rejects a bad spec naming the field, a wrong currency and a budget above the ceiling', async () => {
		const run = await runApply(sim, { operation: 'plan' }, [
			create(spec({ campaign: { objective: 'SELL_MORE' } })),
			create(spec({ campaign: { name: 'Other' }, adSet: { currency: t.currency === 'EUR' ? 'USD' : 'EUR' } })),
			create(spec({ creative: { linkUrl: 'not a url' } })),
		]);
		expect(run.audit.map((a) => a.decision)).toEqual(['reject', 'reject', 'reject']);
		expect(String(run.audit[0].error)).toMatch(/params\.spec\.campaign\.objective/);
		expect(String(run.audit[1].reason)).toMatch(/currency/);
		expect(String(run.audit[2].error)).toMatch(/params\.spec\.creative: Link URL/);
		const capped = await runApply(sim, { ...apply, guardrails: { maxBudget: 10 } }, [create(spec())]);
		expect(String(capped.audit[0].reason)).toMatch(/Budget Ceiling/);
		expect(sim.changes()).toEqual([]);
	});

	it('Revert pauses the created campaign (an activation since is undone)', async () => {
		const applied = await runApply(sim, apply, [create(spec())]);
		const campaign = (applied.audit[0].response as { created: Array<{ id: string }> }).created[0].id;
		const ctx = createExecuteContext({ parameters: { operation: 'revert' }, inputItems: [{ json: applied.audit[0] }] });
		const [actions] = await new AdsApply().execute.call(ctx);
		expect(actions[0].json).toMatchObject({ kind: 'pause', level: 'campaign', entityId: campaign, platform: 'meta' });
		// Someone activated it meanwhile; the revert pauses it again.
		await runApply(sim, { ...apply, guardrails: { allowActivation: true } }, [action({ platform: 'meta', accountId: t.accountId, level: 'campaign', entityId: campaign, kind: 'resume' })]);
		const undo = await runApply(sim, apply, actions.map((a) => a.json));
		expect(undo.audit[0]).toMatchObject({ decision: 'apply', applied: true, before: 'active', after: 'paused' });
		expect((await graph(sim, `${campaign}?fields=status`)).status).toBe('PAUSED');
	});
});
