/** Bad input: one clear problem per item naming the field and the item; the rest of the plan goes on. */
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { simulatorCredentials } from '../helpers/simulatorCredentials';
import { action, DATASET, metaTargets, runApply, type MetaTargets } from './support';

let sim: RunningSimulator;
let t: MetaTargets;

beforeAll(async () => {
	sim = await startSimulator({ dataset: DATASET });
	t = await metaTargets(sim);
});
afterAll(async () => sim.close());

const good = () => action({ platform: 'meta', accountId: t.accountId, level: 'adSet', entityId: t.adSets[0].id, kind: 'changeBudgetByPercent', params: { budgetType: 'daily', percent: 10, currency: 'EUR' } });

function badActions() {
	const set = t.adSets[1];
	return [
		{ hello: 'world' },
		{ ...good(), kind: 'explode' },
		{ ...good(), entityId: '' },
		action({ platform: 'meta', accountId: t.accountId, level: 'adSet', entityId: set.id, kind: 'setBudget', params: { budgetType: 'daily', amount: set.daily, currency: 'USD' } }),
		action({ platform: 'meta', accountId: t.accountId, level: 'adSet', entityId: set.id, kind: 'setBudget', params: { budgetType: 'daily', amount: set.daily * 100, currency: 'EUR' } }),
		action({ platform: 'meta', accountId: '999999', level: 'adSet', entityId: set.id, kind: 'pause' }),
		good(),
	];
}

describe('bad input', () => {
	it('rejects each bad item with its reason and field; the good one is still planned', async () => {
		const { audit, summary } = await runApply(sim, { operation: 'plan' }, badActions());
		expect(audit.map((a) => a.decision)).toEqual(['reject', 'reject', 'reject', 'reject', 'reject', 'reject', 'apply']);
		expect(audit[0].error).toMatch(/^Item 0 is not a valid action: schema/);
		expect(audit[1].error).toMatch(/^Item 1 .*kind: expected one of/);
		expect(audit[2].error).toMatch(/^Item 2 .*entityId: required/);
		expect(audit[3].reason).toMatch(/params\.currency is USD but account .* uses EUR/);
		expect(audit[4].reason).toMatch(/100× the current .*major units/);
		expect(audit[5].reason).toMatch(/ad account act_999999 cannot be read with this credential/);
		expect(summary).toMatchObject({ apply: 1, reject: 6 });
	});

	it('under Continue On Fail, invalid items become error items naming the field', async () => {
		const { audit } = await runApply(sim, { operation: 'plan' }, badActions(), { continueOnFail: true });
		expect(audit[0]).toMatchObject({ field: 'schema', itemIndex: 0 });
		expect(audit[1]).toMatchObject({ field: 'kind', itemIndex: 1 });
		expect(audit[2]).toMatchObject({ field: 'entityId', itemIndex: 2 });
		expect(audit[6]).toMatchObject({ decision: 'apply' });
	});

	it('an action for a platform without a credential is rejected naming the credential', async () => {
		const { adPilotMetaAdsApi } = simulatorCredentials(sim);
		const googleAction = action({ platform: 'google', accountId: '5550000001', level: 'campaign', entityId: '20000001', kind: 'pause' });
		const { audit } = await runApply(sim, { operation: 'plan' }, [googleAction, good()], { credentials: { adPilotMetaAdsApi } });
		expect(audit[0]).toMatchObject({ decision: 'reject', error: expect.stringMatching(/no Google credential/) });
		expect(audit[1]).toMatchObject({ decision: 'apply' });
	});
});
