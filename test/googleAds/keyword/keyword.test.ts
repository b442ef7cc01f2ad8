import nock from 'nock';

import { BASE, CID, PREFIX, capture, errorBody, failure, runNode } from '../campaign/helpers';

const adGroup = `customers/${CID}/adGroups/55`;

const policyError = (operation: number, exemptible = true) => ({
	code: { policyViolationError: 'POLICY_ERROR' },
	message: 'A policy was violated.',
	operation,
	trigger: 'pharmacy',
	details: {
		policyViolationDetails: {
			externalPolicyName: 'Healthcare',
			externalPolicyDescription: 'Pharmacy terms need certification.',
			key: { policyName: 'pharma', violatingText: 'online pharmacy' },
			isExemptible: exemptible,
		},
	},
});

const add = (text: string, extra: Record<string, unknown> = {}) => ({
	resource: 'keyword',
	operation: 'add',
	customerId: CID,
	adGroupId: '55',
	text,
	matchType: 'EXACT',
	...extra,
});

describe('Keyword Add', () => {
	it('adds keywords PAUSED, bids in micros, all items in one mutate', async () => {
		const { bodies } = capture(`${PREFIX}/adGroupCriteria:mutate`, (body) => ({
			results: body.operations.map((_: unknown, i: number) => ({ resourceName: `customers/${CID}/adGroupCriteria/55~${100 + i}` })),
		}));
		const { items } = await runNode([add('red shoes', { cpcBid: 1.25 }), add('blue shoes', { matchType: 'PHRASE' })]);
		expect(bodies).toHaveLength(1);
		expect(bodies[0].operations).toEqual([
			{ create: { adGroup, status: 'PAUSED', keyword: { text: 'red shoes', matchType: 'EXACT' }, cpcBidMicros: '1250000' } },
			{ create: { adGroup, status: 'PAUSED', keyword: { text: 'blue shoes', matchType: 'PHRASE' } } },
		]);
		expect(items[0].json).toEqual(
			expect.objectContaining({ id: '55~100', criterionId: '100', cpcBid: 1.25, cpcBidMicros: '1250000', status: 'PAUSED' }),
		);
	});

	it('returns policy violations with their exemption keys when no exemption is requested', async () => {
		capture(`${PREFIX}/adGroupCriteria:mutate`, () => ({
			results: [{}],
			partialFailureError: failure([policyError(0)]),
		}));
		const { items } = await runNode([add('online pharmacy')], { continueOnFail: true });
		expect(items[0].json.error).toBe('Google Ads rejected item 0: PolicyViolationError.POLICY_ERROR: A policy was violated.');
		expect(items[0].json.details).toContain('exemption key {policyName: "pharma", violatingText: "online pharmacy"}; exemptible');
	});

	it('Request Policy Exemption retries once, only the rejected item, with exemptPolicyViolationKeys', async () => {
		const { bodies } = capture(
			`${PREFIX}/adGroupCriteria:mutate`,
			(_body, n) =>
				n === 1
					? { results: [{ resourceName: `customers/${CID}/adGroupCriteria/55~1` }, {}], partialFailureError: failure([policyError(1)]) }
					: { results: [{ resourceName: `customers/${CID}/adGroupCriteria/55~2` }] },
			2,
		);
		const { items } = await runNode([
			add('shoes', { mutateOptions: { requestPolicyExemption: true } }),
			add('online pharmacy', { mutateOptions: { requestPolicyExemption: true } }),
		]);
		expect(bodies).toHaveLength(2);
		expect(bodies[1].operations).toEqual([
			{
				create: { adGroup, status: 'PAUSED', keyword: { text: 'online pharmacy', matchType: 'EXACT' } },
				exemptPolicyViolationKeys: [{ policyName: 'pharma', violatingText: 'online pharmacy' }],
			},
		]);
		expect(items[0].json.id).toBe('55~1');
		expect(items[1].json).toEqual(
			expect.objectContaining({ id: '55~2', policyExemptionRequested: [{ policyName: 'pharma', violatingText: 'online pharmacy' }] }),
		);
	});

	it('does not retry violations that are not exemptible', async () => {
		const { bodies } = capture(`${PREFIX}/adGroupCriteria:mutate`, () => ({ results: [{}], partialFailureError: failure([policyError(0, false)]) }));
		const { items } = await runNode([add('bad', { mutateOptions: { requestPolicyExemption: true } })], { continueOnFail: true });
		expect(bodies).toHaveLength(1);
		expect(items[0].json.details).toContain('not exemptible');
	});

	it('without partial failure, retries the whole batch once with the keys on the rejected operation', async () => {
		const scope = nock(BASE)
			.post(`${PREFIX}/adGroupCriteria:mutate`)
			.reply(400, errorBody([policyError(1)]))
			.post(`${PREFIX}/adGroupCriteria:mutate`, (body) => body.operations.length === 2 && !!body.operations[1].exemptPolicyViolationKeys)
			.reply(200, { results: [{ resourceName: `customers/${CID}/adGroupCriteria/55~1` }, { resourceName: `customers/${CID}/adGroupCriteria/55~2` }] });
		const options = { mutateOptions: { requestPolicyExemption: true, partialFailure: false } };
		const { items } = await runNode([add('shoes', options), add('online pharmacy', options)]);
		expect(scope.isDone()).toBe(true);
		expect(items.map((i) => i.json.id)).toEqual(['55~1', '55~2']);
	});

	it('checks keyword text and match type before sending', async () => {
		const { items } = await runNode([add(''), add('x', { matchType: 'FUZZY' })], { continueOnFail: true });
		expect(items[0].json.error).toBe('Keyword.text: required (item 0)');
		expect(items[1].json.error).toBe('Keyword.matchType: expected EXACT, PHRASE, BROAD, got "FUZZY" (item 1)');
	});
});

describe('Keyword Add Negative / Get Many / Pause / Remove', () => {
	it('adds campaign- and ad-group-level negatives, one call per level', async () => {
		const campaignCall = capture(`${PREFIX}/campaignCriteria:mutate`, () => ({ results: [{ resourceName: `customers/${CID}/campaignCriteria/9~1` }] }));
		const adGroupCall = capture(`${PREFIX}/adGroupCriteria:mutate`, () => ({ results: [{ resourceName: `customers/${CID}/adGroupCriteria/55~2` }] }));
		const { items } = await runNode([
			{ resource: 'keyword', operation: 'addNegative', customerId: CID, level: 'campaign', campaignId: '9', text: 'free', matchType: 'PHRASE' },
			{ resource: 'keyword', operation: 'addNegative', customerId: CID, level: 'adGroup', adGroupId: '55', text: 'cheap', matchType: 'BROAD' },
		]);
		expect(campaignCall.bodies[0].operations).toEqual([
			{ create: { campaign: `customers/${CID}/campaigns/9`, negative: true, keyword: { text: 'free', matchType: 'PHRASE' } } },
		]);
		expect(adGroupCall.bodies[0].operations).toEqual([{ create: { adGroup, negative: true, keyword: { text: 'cheap', matchType: 'BROAD' } } }]);
		expect(items.map((i) => i.json.level)).toEqual(['campaign', 'adGroup']);
	});

	it('gets keywords with quality score (null when Google has none)', async () => {
		const { bodies } = capture(`${PREFIX}/googleAds:search`, () => ({
			results: [
				{
					adGroupCriterion: {
						criterionId: '7',
						keyword: { text: 'shoes', matchType: 'EXACT' },
						status: 'ENABLED',
						qualityInfo: { qualityScore: 7, creativeQualityScore: 'ABOVE_AVERAGE' },
						effectiveCpcBidMicros: '900000',
					},
					adGroup: { id: '55' },
					campaign: { id: '9' },
					customer: { currencyCode: 'EUR' },
				},
				{ adGroupCriterion: { criterionId: '8', keyword: { text: 'boots', matchType: 'BROAD' } }, adGroup: { id: '55' }, campaign: { id: '9' } },
			],
		}));
		const { items } = await runNode({ resource: 'keyword', operation: 'getMany', customerId: CID, adGroupId: '55', returnAll: true });
		expect(bodies[0].query).toContain('ad_group_criterion.quality_info.quality_score');
		expect(bodies[0].query).toContain("WHERE ad_group_criterion.type = 'KEYWORD' AND ad_group_criterion.negative = FALSE AND ad_group.id = 55");
		expect(items[0].json).toEqual(
			expect.objectContaining({ id: '55~7', qualityScore: 7, creativeQuality: 'ABOVE_AVERAGE', effectiveCpcBid: 0.9, currency: 'EUR' }),
		);
		expect(items[1].json.qualityScore).toBeNull();
	});

	it('pauses keywords in one call and removes campaign negatives by resource name', async () => {
		const pause = capture(`${PREFIX}/adGroupCriteria:mutate`, (body) => ({ results: body.operations.map(() => ({})) }));
		await runNode([
			{ resource: 'keyword', operation: 'pause', customerId: CID, keyword: '55~7' },
			{ resource: 'keyword', operation: 'pause', customerId: CID, keyword: `customers/${CID}/adGroupCriteria/55~8` },
		]);
		expect(pause.bodies).toHaveLength(1);
		expect(pause.bodies[0].operations).toEqual([
			{ update: { resourceName: `customers/${CID}/adGroupCriteria/55~7`, status: 'PAUSED' }, updateMask: 'status' },
			{ update: { resourceName: `customers/${CID}/adGroupCriteria/55~8`, status: 'PAUSED' }, updateMask: 'status' },
		]);
		const remove = capture(`${PREFIX}/campaignCriteria:mutate`, () => ({ results: [{}] }));
		await runNode({ resource: 'keyword', operation: 'remove', customerId: CID, keyword: `customers/${CID}/campaignCriteria/9~1` });
		expect(remove.bodies[0].operations).toEqual([{ remove: `customers/${CID}/campaignCriteria/9~1` }]);
	});

	it('rejects a keyword id of the wrong shape, naming the item', async () => {
		const { items } = await runNode([{ resource: 'keyword', operation: 'pause', customerId: CID, keyword: '77' }], { continueOnFail: true });
		expect(items[0].json.error).toBe(
			'Keyword: expected "parentId~id" (e.g. 123~456) or an adGroupCriteria resource name, got "77" (item 0)',
		);
	});
});
