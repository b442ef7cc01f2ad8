import { MANAGER_ID } from '../../simulator/google';
import { SMALL_DATASET, simClient } from './googleSimHelpers';

const CLIENT = String(Number(MANAGER_ID) + 1);

type Body = Record<string, any>;

describe('Google Ads simulator module', () => {
	test('token flow: valid refresh token issues access tokens; bad grant is invalid_grant', async () => {
		const sim = simClient();
		const bad = await sim.call('POST', '/oauth/token', 'grant_type=refresh_token&client_id=x&client_secret=y&refresh_token=z', {
			'content-type': 'application/x-www-form-urlencoded',
		});
		expect(bad.status).toBe(400);
		expect((bad.body as Body).error).toBe('invalid_grant');
		const token = await sim.login();
		expect(token).toMatch(/^sim-google-access-\d+$/);
		const ok = await sim.api26('GET', 'customers:listAccessibleCustomers');
		expect(ok.status).toBe(200);
		expect((ok.body as Body).resourceNames).toEqual([`customers/${MANAGER_ID}`]);
	});

	test('rejects an unknown bearer token and a wrong developer token', async () => {
		const sim = simClient();
		await sim.login();
		const noToken = await sim.api26('GET', 'customers:listAccessibleCustomers', undefined, { authorization: 'Bearer nope' });
		expect(noToken.status).toBe(401);
		expect((noToken.body as Body).error.status).toBe('UNAUTHENTICATED');
		const badDev = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT customer.id FROM customer' }, { 'developer-token': 'wrong' });
		expect(badDev.status).toBe(403);
		expect((badDev.body as Body).error.details[0].errors[0].errorCode).toEqual({ authorizationError: 'DEVELOPER_TOKEN_NOT_APPROVED' });
	});

	test('client access needs the manager as login-customer-id', async () => {
		const sim = simClient();
		await sim.login();
		const res = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT customer.id FROM customer' }, { 'login-customer-id': '' });
		expect(res.status).toBe(403);
		expect((res.body as Body).error.details[0].errors[0].errorCode).toEqual({ authorizationError: 'USER_PERMISSION_DENIED' });
	});

	test('customer_client lists the hierarchy under the manager', async () => {
		const sim = simClient();
		await sim.login();
		const res = await sim.api26('POST', `customers/${MANAGER_ID}/googleAds:search`, {
			query: 'SELECT customer_client.id, customer_client.level, customer_client.currency_code, customer_client.manager FROM customer_client WHERE customer_client.level = 1',
		});
		expect(res.status).toBe(200);
		const rows = (res.body as Body).results;
		expect(rows).toHaveLength(SMALL_DATASET.accounts);
		expect(rows[0].customerClient).toEqual({ id: CLIENT, level: '1', currencyCode: 'EUR', manager: false });
	});

	test('campaign metrics: nested camelCase JSON, int64 as strings, date segments', async () => {
		const sim = simClient();
		await sim.login();
		const res = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, {
			query: "SELECT campaign.id, campaign.name, campaign.status, segments.date, metrics.cost_micros, metrics.impressions, metrics.ctr, metrics.conversions FROM campaign WHERE segments.date BETWEEN '2026-11-15' AND '2026-11-19' AND campaign.status != 'REMOVED' ORDER BY segments.date",
		});
		expect(res.status).toBe(200);
		const body = res.body as Body;
		const row = body.results[0];
		expect(typeof row.campaign.id).toBe('string');
		expect(typeof row.metrics.costMicros).toBe('string');
		expect(typeof row.metrics.impressions).toBe('string');
		expect(typeof row.metrics.ctr).toBe('number');
		expect(row.segments.date).toBe('2026-11-15');
		expect(body.fieldMask).toContain('metrics.costMicros');
	});

	test('unknown field → QueryError.UNRECOGNIZED_FIELD naming the field', async () => {
		const sim = simClient();
		await sim.login();
		const res = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT campaign.nme FROM campaign' });
		expect(res.status).toBe(400);
		const error = (res.body as Body).error.details[0].errors[0];
		expect(error.errorCode).toEqual({ queryError: 'UNRECOGNIZED_FIELD' });
		expect(error.trigger).toEqual({ stringValue: 'campaign.nme' });
	});

	test('metrics on the manager are refused; pageSize is refused', async () => {
		const sim = simClient();
		await sim.login();
		const manager = await sim.api26('POST', `customers/${MANAGER_ID}/googleAds:search`, { query: 'SELECT metrics.clicks FROM customer' });
		expect((manager.body as Body).error.details[0].errors[0].errorCode).toEqual({ queryError: 'REQUESTED_METRICS_FOR_MANAGER' });
		const paged = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT campaign.id FROM campaign', pageSize: 10 });
		expect((paged.body as Body).error.details[0].errors[0].errorCode).toEqual({ requestError: 'PAGE_SIZE_NOT_SUPPORTED' });
	});

	test('search pages hold 10,000 rows with nextPageToken; searchStream returns chunks', async () => {
		const big = { ...SMALL_DATASET, accounts: 1, campaignsPerAccount: 5, adSetsPerCampaign: 10, adsPerAdSet: 20, days: 30 };
		const sim = simClient(big);
		await sim.login();
		const query = 'SELECT ad_group_ad.ad.id, segments.date, metrics.clicks FROM ad_group_ad WHERE segments.date DURING LAST_30_DAYS';
		let token: string | undefined;
		let total = 0;
		let pages = 0;
		do {
			const res = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, token ? { query, pageToken: token } : { query });
			const body = res.body as Body;
			expect(res.status).toBe(200);
			expect((body.results ?? []).length).toBeLessThanOrEqual(10_000);
			total += (body.results ?? []).length;
			token = body.nextPageToken;
			pages++;
		} while (token);
		expect(total).toBeGreaterThan(20_000);
		expect(pages).toBe(Math.ceil(total / 10_000));
		const stream = await sim.api26('POST', `customers/${CLIENT}/googleAds:searchStream`, { query });
		const chunks = JSON.parse(String(stream.body)) as Body[];
		expect(chunks.length).toBe(pages);
		expect(chunks.reduce((n, c) => n + (c.results?.length ?? 0), 0)).toBe(total);
		expect(chunks[0].fieldMask).toBe('adGroupAd.ad.id,segments.date,metrics.clicks');
	});

	test('googleAds:mutate resolves temporary ids and is atomic', async () => {
		const sim = simClient();
		await sim.login();
		const ops = (name: string, eu: boolean) => ({
			mutateOperations: [
				{ campaignBudgetOperation: { create: { resourceName: `customers/${CLIENT}/campaignBudgets/-1`, amountMicros: '50000000', explicitlyShared: false } } },
				{
					campaignOperation: {
						create: {
							name,
							campaignBudget: `customers/${CLIENT}/campaignBudgets/-1`,
							advertisingChannelType: 'SEARCH',
							...(eu ? { containsEuPoliticalAdvertising: 'DOES_NOT_CONTAIN_EU_POLITICAL_ADVERTISING' } : {}),
						},
					},
				},
			],
		});
		const before = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT campaign_budget.id FROM campaign_budget' });
		const failed = await sim.api26('POST', `customers/${CLIENT}/googleAds:mutate`, ops('New one', false));
		expect(failed.status).toBe(400);
		const error = (failed.body as Body).error.details[0].errors[0];
		expect(error.errorCode).toEqual({ fieldError: 'REQUIRED' });
		expect(error.location.fieldPathElements[0]).toEqual({ fieldName: 'mutate_operations', index: 1 });
		const afterFail = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT campaign_budget.id FROM campaign_budget' });
		expect((afterFail.body as Body).results).toHaveLength((before.body as Body).results.length); // budget rolled back

		const ok = await sim.api26('POST', `customers/${CLIENT}/googleAds:mutate`, ops('New one', true));
		expect(ok.status).toBe(200);
		const responses = (ok.body as Body).mutateOperationResponses;
		const campaignRn = responses[1].campaignResult.resourceName as string;
		const found = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, {
			query: `SELECT campaign.name, campaign_budget.amount_micros FROM campaign WHERE campaign.resource_name = '${campaignRn}'`,
		});
		expect((found.body as Body).results[0]).toEqual({ campaign: { name: 'New one' }, campaignBudget: { amountMicros: '50000000' } });
	});

	test('partial failure applies the good operations and maps errors to their index', async () => {
		const sim = simClient();
		await sim.login();
		const list = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT campaign_budget.resource_name FROM campaign_budget LIMIT 2' });
		const [a, b] = (list.body as Body).results.map((r: Body) => r.campaignBudget.resourceName);
		const res = await sim.api26('POST', `customers/${CLIENT}/campaignBudgets:mutate`, {
			partialFailure: true,
			operations: [
				{ update: { resourceName: a, amountMicros: '12340000' }, updateMask: 'amountMicros' },
				{ update: { resourceName: b, amountMicros: '123' }, updateMask: 'amountMicros' },
			],
		});
		expect(res.status).toBe(200);
		const body = res.body as Body;
		expect(body.results[0].resourceName).toBe(a);
		expect(body.results[1]).toEqual({});
		const e = body.partialFailureError.details[0].errors[0];
		expect(e.location.fieldPathElements[0]).toEqual({ fieldName: 'operations', index: 1 });
		expect(e.errorCode).toEqual({ campaignBudgetError: 'NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT' });
		const check = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: `SELECT campaign_budget.amount_micros FROM campaign_budget WHERE campaign_budget.resource_name = '${a}'` });
		expect((check.body as Body).results[0].campaignBudget.amountMicros).toBe('12340000');
	});

	test('validateOnly applies nothing; policy violations are exemptible with their key', async () => {
		const sim = simClient();
		await sim.login();
		const groups = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT ad_group.resource_name FROM ad_group LIMIT 1' });
		const adGroup = (groups.body as Body).results[0].adGroup.resourceName;
		const count = async () =>
			((await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT ad_group_criterion.criterion_id FROM ad_group_criterion' })).body as Body).results.length;
		const n = await count();
		const create = { create: { adGroup, keyword: { text: 'cheap pharmacy', matchType: 'PHRASE' } } };
		const refused = await sim.api26('POST', `customers/${CLIENT}/adGroupCriteria:mutate`, { operations: [create] });
		const error = (refused.body as Body).error.details[0].errors[0];
		expect(error.errorCode).toEqual({ policyViolationError: 'POLICY_ERROR' });
		expect(error.details.policyViolationDetails.isExemptible).toBe(true);
		const key = error.details.policyViolationDetails.key;
		const validated = await sim.api26('POST', `customers/${CLIENT}/adGroupCriteria:mutate`, { validateOnly: true, operations: [{ ...create, exemptPolicyViolationKeys: [key] }] });
		expect(validated.status).toBe(200);
		expect(await count()).toBe(n);
		const applied = await sim.api26('POST', `customers/${CLIENT}/adGroupCriteria:mutate`, { operations: [{ ...create, exemptPolicyViolationKeys: [key] }] });
		expect(applied.status).toBe(200);
		expect(await count()).toBe(n + 1);
	});

	test('RSA headline over 30 characters is refused with its field path', async () => {
		const sim = simClient();
		await sim.login();
		const groups = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT ad_group.resource_name FROM ad_group LIMIT 1' });
		const adGroup = (groups.body as Body).results[0].adGroup.resourceName;
		const res = await sim.api26('POST', `customers/${CLIENT}/adGroupAds:mutate`, {
			operations: [{ create: { adGroup, ad: { finalUrls: ['https://x.example'], responsiveSearchAd: {
				headlines: [{ text: 'One' }, { text: 'This headline is far too long for Google' }, { text: 'Three' }],
				descriptions: [{ text: 'A' }, { text: 'B' }],
			} } } }],
		});
		const error = (res.body as Body).error.details[0].errors[0];
		expect(error.errorCode).toEqual({ stringLengthError: 'TOO_LONG' });
		expect(error.location.fieldPathElements.map((e: Body) => e.fieldName)).toEqual(['operations', 'create', 'ad', 'responsive_search_ad', 'headlines', 'text']);
		expect(error.location.fieldPathElements[4].index).toBe(1);
	});

	test('campaign criteria: locations and languages are targeted, keywords excluded; a bad constant is refused with its path', async () => {
		const sim = simClient();
		await sim.login();
		const campaigns = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT campaign.resource_name FROM campaign LIMIT 1' });
		const campaign = (campaigns.body as Body).results[0].campaign.resourceName;
		const res = await sim.api26('POST', `customers/${CLIENT}/campaignCriteria:mutate`, {
			operations: [
				{ create: { campaign, location: { geoTargetConstant: 'geoTargetConstants/2276' } } },
				{ create: { campaign, language: { languageConstant: 'languageConstants/1000' } } },
				{ create: { campaign, keyword: { text: 'free', matchType: 'PHRASE' } } },
			],
		});
		expect(res.status).toBe(200);
		const names = (res.body as Body).results.map((r: Body) => r.resourceName);
		const found = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, {
			query: `SELECT campaign_criterion.resource_name, campaign_criterion.type, campaign_criterion.negative FROM campaign_criterion WHERE campaign.resource_name = '${campaign}'`,
		});
		const byName = new Map<string, Body>((found.body as Body).results.map((r: Body) => [r.campaignCriterion.resourceName, r.campaignCriterion]));
		expect(names.map((n: string) => [byName.get(n)?.type, byName.get(n)?.negative])).toEqual([['LOCATION', false], ['LANGUAGE', false], ['KEYWORD', true]]);

		const bad = await sim.api26('POST', `customers/${CLIENT}/campaignCriteria:mutate`, { operations: [{ create: { campaign, location: { geoTargetConstant: 'Germany' } } }] });
		expect(bad.status).toBe(400);
		const error = (bad.body as Body).error.details[0].errors[0];
		expect(error.errorCode).toEqual({ fieldError: 'INVALID_VALUE' });
		expect(error.location.fieldPathElements.map((e: Body) => e.fieldName)).toEqual(['operations', 'create', 'location', 'geo_target_constant']);
	});

	test('recommendations can be listed, applied and dismissed', async () => {
		const sim = simClient();
		await sim.login();
		const list = await sim.api26('POST', `customers/${CLIENT}/googleAds:search`, { query: 'SELECT recommendation.resource_name, recommendation.type FROM recommendation' });
		const recs = (list.body as Body).results;
		expect(recs.length).toBeGreaterThan(0);
		const rn = recs[0].recommendation.resourceName;
		const applied = await sim.api26('POST', `customers/${CLIENT}/recommendations:apply`, { operations: [{ resourceName: rn }] });
		expect((applied.body as Body).results[0].resourceName).toBe(rn);
		const again = await sim.api26('POST', `customers/${CLIENT}/recommendations:dismiss`, { operations: [{ resourceName: rn }] });
		expect(again.status).toBe(400);
	});

	test('faults render in Google shape', () => {
		const sim = simClient();
		const quota = sim.api.renderFault({ kind: 'googleStatus', status: 'RESOURCE_EXHAUSTED' }, sim.ctx)!;
		expect(quota.status).toBe(429);
		expect((quota.body as Body).error.details[0].errors[0].details.quotaErrorDetails.retryDelay).toBe('2s');
		const transient = sim.api.renderFault({ kind: 'googleStatus', status: 'TRANSIENT_ERROR' }, sim.ctx)!;
		expect((transient.body as Body).error.details[0].errors[0].errorCode).toEqual({ internalError: 'TRANSIENT_ERROR' });
	});
});
