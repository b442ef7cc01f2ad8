import fc from 'fast-check';
import nock from 'nock';

import { JsonArraySplitter } from '../../../nodes/GoogleAds/transport/jsonArrayStream';
import { mutate, search, searchStream } from '../../../nodes/GoogleAds/transport';
import { BASE, CID, googleContext, googleFailure } from './context';

const row = (i: number) => ({ campaign: { id: String(i) } });

describe('search', () => {
	it('follows nextPageToken and never sends pageSize', async () => {
		const bodies: any[] = [];
		nock(BASE)
			.post(`/v26/customers/${CID}/googleAds:search`, (b) => bodies.push(b) > 0)
			.reply(200, { results: [row(1), row(2)], nextPageToken: 'p2' })
			.post(`/v26/customers/${CID}/googleAds:search`, (b) => bodies.push(b) > 0)
			.reply(200, { results: [row(3)] });
		const rows = await search(googleContext(), '123-456-7890', 'SELECT campaign.id FROM campaign');
		expect(rows).toEqual([row(1), row(2), row(3)]);
		expect(bodies).toEqual([{ query: 'SELECT campaign.id FROM campaign' }, { query: 'SELECT campaign.id FROM campaign', pageToken: 'p2' }]);
	});

	it('stops at the limit without fetching more pages', async () => {
		const scope = nock(BASE).post(`/v26/customers/${CID}/googleAds:search`).reply(200, { results: [row(1), row(2), row(3)], nextPageToken: 'p2' });
		const rows = await search(googleContext(), CID, 'q', { returnAll: false, limit: 2 });
		expect(rows).toHaveLength(2);
		expect(scope.isDone()).toBe(true);
	});
});

describe('searchStream', () => {
	it('hands rows over chunk by chunk from a streamed JSON array', async () => {
		const chunks = [{ results: [row(1), row(2)], fieldMask: 'campaign.id', requestId: 'r' }, { results: [row(3)], fieldMask: 'campaign.id', requestId: 'r' }];
		nock(BASE).post(`/v26/customers/${CID}/googleAds:searchStream`, { query: 'q' }).reply(200, JSON.stringify(chunks), { 'content-type': 'application/json' });
		const seen: number[] = [];
		const { rowCount } = await searchStream(googleContext(), CID, 'q', (rows) => void seen.push(rows.length));
		expect(seen).toEqual([2, 1]);
		expect(rowCount).toBe(3);
	});

	it('parses a Google error from the streamed body (unknown field, with trigger)', async () => {
		nock(BASE).post(`/v26/customers/${CID}/googleAds:searchStream`).reply(400, [googleFailure(400, [{
			errorCode: { queryError: 'UNRECOGNIZED_FIELD' }, message: "Unrecognized field in the query: 'metrics.cost'.", trigger: { stringValue: 'metrics.cost' },
		}])]);
		const error = await searchStream(googleContext(), CID, 'q', () => undefined).catch((e: Error) => e);
		expect((error as Error).message).toBe('Google Ads: QueryError.UNRECOGNIZED_FIELD (trigger "metrics.cost")');
	});

	it('splits arrays fed in arbitrary pieces, strings with brackets included', () => {
		const text = JSON.stringify([{ a: 'x]}{"' }, { b: [1, { c: '\\"}' }] }, { d: 'ü' }]);
		const splitter = new JsonArraySplitter();
		const out: string[] = [];
		const bytes = Buffer.from(text);
		for (let i = 0; i < bytes.length; i += 3) out.push(...splitter.push(bytes.subarray(i, i + 3)));
		expect(out.map((t) => JSON.parse(t))).toEqual(JSON.parse(text));
		expect(splitter.finished).toBe(true);
	});

	it('splits any array of objects and arrays, cut anywhere in its bytes (multi-byte characters included)', () => {
		const element = fc.oneof(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ stringUnit: 'binary' })), fc.array(fc.jsonValue({ stringUnit: 'binary' })));
		fc.assert(
			fc.property(fc.array(element, { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 20 }), fc.boolean(), (elements, cutSeeds, spaced) => {
				const text = spaced ? JSON.stringify(elements, null, 2) : JSON.stringify(elements);
				const bytes = Buffer.from(text);
				const cuts = [...new Set(cutSeeds.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
				const splitter = new JsonArraySplitter();
				const out: string[] = [];
				let from = 0;
				for (const cut of [...cuts, bytes.length]) {
					out.push(...splitter.push(bytes.subarray(from, cut)));
					from = cut;
				}
				// Against the parsed text, not `elements`: JSON itself turns -0 into 0.
				expect(out.map((t) => JSON.parse(t))).toEqual(JSON.parse(text));
				expect(splitter.finished).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	it('joins one element fed in many small reads, and is not finished while it is open', () => {
		const big = { results: Array.from({ length: 2000 }, (_, i) => ({ campaign: { id: String(i), name: `Kampagne – ${i} {[\"` } })) };
		const bytes = Buffer.from(JSON.stringify([big, { results: [] }]));
		const splitter = new JsonArraySplitter();
		const out: string[] = [];
		for (let i = 0; i < bytes.length; i += 101) {
			out.push(...splitter.push(bytes.subarray(i, i + 101)));
			if (i + 101 < bytes.length) expect(splitter.finished).toBe(false);
		}
		expect(out.map((t) => JSON.parse(t))).toEqual([big, { results: [] }]);
		expect(splitter.finished).toBe(true);
	});
});

describe('mutate', () => {
	it('googleAds:mutate sends mutateOperations and maps partial failures back to operation indexes', async () => {
		let sent: any;
		nock(BASE)
			.post(`/v26/customers/${CID}/googleAds:mutate`, (b) => (sent = b) !== undefined)
			.reply(200, {
				mutateOperationResponses: [{ campaignBudgetResult: { resourceName: 'customers/1234567890/campaignBudgets/9' } }, {}, { campaignResult: { resourceName: 'customers/1234567890/campaigns/8' } }],
				partialFailureError: googleFailure(400, [{
					errorCode: { fieldError: 'REQUIRED' }, message: 'Required',
					location: { fieldPathElements: [{ fieldName: 'mutate_operations', index: 1 }, { fieldName: 'campaign_operation' }] },
				}]).error,
			});
		const ops = [{ campaignBudgetOperation: { create: {} } }, { campaignOperation: { create: {} } }, { campaignOperation: { create: {} } }];
		const outcome = await mutate(googleContext(), CID, { resource: 'googleAds', operations: ops, partialFailure: true });
		expect(sent).toEqual({ mutateOperations: ops, partialFailure: true });
		expect(outcome.results).toEqual([{ resourceName: 'customers/1234567890/campaignBudgets/9' }, null, { resourceName: 'customers/1234567890/campaigns/8' }]);
		expect(outcome.operationErrors).toEqual([{ operationIndex: 1, error: expect.objectContaining({ code: 'FieldError.REQUIRED', operationIndex: 1 }) }]);
	});

	it('per-resource mutate sends operations and validateOnly; no results means nothing applied', async () => {
		let sent: any;
		nock(BASE).post(`/v26/customers/${CID}/campaignBudgets:mutate`, (b) => (sent = b) !== undefined).reply(200, {});
		const ops = [{ update: { resourceName: 'customers/1234567890/campaignBudgets/1', amountMicros: '5000000' }, updateMask: 'amountMicros' }];
		const outcome = await mutate(googleContext(), CID, { resource: 'campaignBudgets', operations: ops, validateOnly: true });
		expect(sent).toEqual({ operations: ops, validateOnly: true });
		expect(outcome).toEqual({ results: [null], operationErrors: [] });
	});

	it('an atomic failure throws with the parsed errors', async () => {
		nock(BASE).post(`/v26/customers/${CID}/campaigns:mutate`).reply(400, googleFailure(400, [{
			errorCode: { campaignError: 'DUPLICATE_CAMPAIGN_NAME' }, message: 'Duplicate', trigger: { stringValue: 'Spring' },
			location: { fieldPathElements: [{ fieldName: 'operations', index: 0 }, { fieldName: 'create' }, { fieldName: 'name' }] },
		}]));
		const error = await mutate(googleContext(), CID, { resource: 'campaigns', operations: [{ create: { name: 'Spring' } }] }).catch((e: Error) => e);
		expect((error as Error).message).toBe('Google Ads: CampaignError.DUPLICATE_CAMPAIGN_NAME at operations[0].create.name (trigger "Spring")');
	});
});
