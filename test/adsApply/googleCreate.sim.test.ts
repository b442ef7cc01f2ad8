/**
 * `create` on Google through the Create from Template code: Plan validates
 * (validateOnly) and creates nothing, Apply creates everything PAUSED once,
 * and re-applying is a noop (a campaign of that name exists).
 */
import { AdsApply } from '../../nodes/AdsApply/AdsApply.node';
import { createExecuteContext } from '../helpers/context';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { validTemplate as fixture } from '../googleAds/templates/fixtures';
import { action, DATASET, googleTargets, runApply, type GoogleTargets } from './support';

/** The fixture without location/language criteria, which the simulator does not model. */
function validTemplate(): Record<string, unknown> {
	return { ...fixture(), locations: [], languages: [] };
}

let sim: RunningSimulator;
let g: GoogleTargets;

beforeAll(async () => {
	sim = await startSimulator({ dataset: DATASET });
});
afterAll(async () => sim.close());
beforeEach(async () => {
	sim.reset();
	g = await googleTargets(sim);
});

const create = (spec: Record<string, unknown>) => action({ platform: 'google', accountId: g.customerId, level: 'campaign', entityId: 'new', kind: 'create', params: { objectType: 'campaignFromTemplate', spec } });
const apply = { operation: 'apply', requireApprovedDigest: false };

describe('create on Google', () => {
	it('Plan validates and creates nothing; Apply creates it PAUSED once; re-applying is a noop', async () => {
		const plan = await runApply(sim, { operation: 'plan' }, [create(validTemplate())]);
		expect(plan.audit[0]).toMatchObject({ decision: 'apply', property: 'create', validated: true, applied: false });
		expect(String(plan.summary.planDigest)).toMatch(/^sha256:/);
		expect(sim.changes()).toEqual([]);

		const applied = await runApply(sim, { operation: 'apply', approvedDigest: plan.summary.planDigest }, [create(validTemplate())]);
		expect(applied.audit[0]).toMatchObject({ applied: true });
		const created = sim.changes();
		expect(created.length).toBeGreaterThan(3);
		expect(created.every((c) => c.operation === 'create')).toBe(true);
		const statuses = created.map((c) => c.fields.status?.after).filter((s) => s !== null && s !== undefined);
		expect(statuses.length).toBeGreaterThan(0);
		expect(statuses.every((s) => s === 'PAUSED' || s === 'ENABLED')).toBe(true);
		expect(created.filter((c) => c.objectType === 'campaigns').map((c) => c.fields.status.after)).toEqual(['PAUSED']);

		const again = await runApply(sim, apply, [create(validTemplate())]);
		expect(again.audit[0]).toMatchObject({ decision: 'noop', applied: false });
		expect(sim.changes().length).toBe(created.length);

		// Revert of a create pauses the campaign it created.
		const campaign = created.find((c) => c.objectType === 'campaigns')!.entity;
		const revert = await new AdsApply().execute.call(createExecuteContext({ parameters: { operation: 'revert' }, inputItems: [{ json: applied.audit[0] }] }));
		expect(revert[0][0].json).toMatchObject({ kind: 'pause', level: 'campaign', platform: 'google' });
		expect(String(campaign)).toContain(String(revert[0][0].json.entityId));
	});

	it('rejects a bad template naming the field, a wrong currency, and a budget above the ceiling', async () => {
		const run = await runApply(sim, { operation: 'plan' }, [
			create({ ...validTemplate(), adGroups: 'nope' }),
			create({ ...validTemplate(), name: 'Other', currency: g.currency === 'EUR' ? 'USD' : 'EUR' }),
			create({ ...validTemplate(), name: 'Big', budget: { amount: 5000 } }),
		], {});
		// No Budget Ceiling by default: a big budget is planned (created PAUSED, it spends nothing until activated).
		expect(run.audit.map((a) => a.decision)).toEqual(['reject', 'reject', 'apply']);
		expect(String(run.audit[0].error)).toMatch(/params\.spec.*adGroups/);
		expect(String(run.audit[1].reason)).toMatch(/currency/);
		expect(sim.changes()).toEqual([]);
		const capped = await runApply(sim, { ...apply, guardrails: { maxBudget: 1000 } }, [create({ ...validTemplate(), name: 'Big', budget: { amount: 5000 } })]);
		expect(String(capped.audit[0].reason)).toMatch(/Budget Ceiling/);
	});
});
