import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { resolveOutputSchemaPath } from 'n8n-core';

import { ACTION_JSON_SCHEMA, METRIC_ROW_JSON_SCHEMA, OUTPUT_SCHEMAS, type JsonSchema } from '../../nodes/shared/contracts/jsonSchemas';
import { runWorkflow } from '../harness/runWorkflow';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { loadTemplate, simulatorCredentials } from '../workflows/templates';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeOutputSchemas } = require('../../scripts/outputSchemas.cjs') as {
	writeOutputSchemas: (schemas: typeof OUTPUT_SCHEMAS, distDir: string) => string[];
};

/** The part of JSON Schema these schemas use: type (or types), const, enum, required, properties, additionalProperties, items. */
function violations(schema: JsonSchema, value: unknown, at = '$'): string[] {
	const found: string[] = [];
	const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
	const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
	if (types.length > 0 && !types.includes(actual)) return [`${at}: ${actual}, expected ${types.join('|')}`];
	if (schema.const !== undefined && value !== schema.const) found.push(`${at}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`);
	if (schema.enum && !schema.enum.includes(value)) found.push(`${at}: ${JSON.stringify(value)} not in ${schema.enum.join(', ')}`);
	if (actual === 'object') {
		const object = value as Record<string, unknown>;
		for (const key of schema.required ?? []) if (!(key in object)) found.push(`${at}.${key}: missing`);
		for (const [key, child] of Object.entries(object)) {
			const declared = schema.properties?.[key];
			if (declared) found.push(...violations(declared, child, `${at}.${key}`));
			else if (schema.additionalProperties === false) found.push(`${at}.${key}: not in the schema`);
			else if (typeof schema.additionalProperties === 'object') found.push(...violations(schema.additionalProperties, child, `${at}.${key}`));
		}
	}
	if (actual === 'array' && schema.items) (value as unknown[]).forEach((item, i) => found.push(...violations(schema.items!, item, `${at}[${i}]`)));
	return found;
}

describe('output schemas for the editor', () => {
	it('have what the editor requires of one (an object type with properties)', () => {
		for (const { schema } of OUTPUT_SCHEMAS) {
			expect(schema.type).toBe('object');
			expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(5);
		}
	});

	it('the build writes them where n8n’s resolver looks (beside the node, __schema__/v1.0.0/…)', () => {
		const dist = mkdtempSync(join(tmpdir(), 'adpilot-schemas-'));
		try {
			writeOutputSchemas(OUTPUT_SCHEMAS, dist);
			const lookups = [
				{ node: 'MetaAds', resource: 'insights', operation: 'get', schema: METRIC_ROW_JSON_SCHEMA },
				{ node: 'GoogleAds', resource: 'report', operation: 'get', schema: METRIC_ROW_JSON_SCHEMA },
				{ node: 'AdsRules', resource: undefined, operation: undefined, schema: ACTION_JSON_SCHEMA },
			];
			for (const { node, resource, operation, schema } of lookups) {
				const path = resolveOutputSchemaPath({ nodeDir: join(dist, 'nodes', node), version: 1, resource, operation });
				expect(path).toBeDefined();
				expect(JSON.parse(readFileSync(path!, 'utf8'))).toEqual(schema);
			}
		} finally {
			rmSync(dist, { recursive: true, force: true });
		}
	});

	it('the check below catches a field the schema does not know, a wrong type and a missing field', () => {
		expect(violations(METRIC_ROW_JSON_SCHEMA, { schema: 'adpilot.metricRow/v1', costMicros: 1 })).toEqual(
			expect.arrayContaining(['$.costMicros: not in the schema', '$.spend: missing']),
		);
		expect(violations(ACTION_JSON_SCHEMA, { kind: 'explode' })).toEqual(expect.arrayContaining(['$.kind: "explode" not in pause, resume, setBudget, changeBudgetByPercent, setBid, notify, create']));
		expect(violations(METRIC_ROW_JSON_SCHEMA.properties!.ctr, '0.1')).toEqual(['$: string, expected number|null']);
	});

	describe('real output validates against them', () => {
		let sim: RunningSimulator;
		beforeAll(async () => {
			sim = await startSimulator({ dataset: { today: '2026-11-20', accounts: 1, campaignsPerAccount: 4, adSetsPerCampaign: 3 } });
		});
		afterAll(async () => sim.close());

		it('Meta insights rows (with entity details) and Ads Rules actions, from the rules template', async () => {
			const result = await runWorkflow(loadTemplate('meta-ads-rules-alerts.json'), { credentials: simulatorCredentials(sim) });
			const rows = result.output('Ad set insights, last 14 days');
			const actions = result.output('Evaluate rules', 0);
			expect(rows.length).toBeGreaterThan(0);
			expect(actions.length).toBeGreaterThan(0);
			expect(rows.flatMap((row) => violations(METRIC_ROW_JSON_SCHEMA, row))).toEqual([]);
			expect(actions.flatMap((action) => violations(ACTION_JSON_SCHEMA, action))).toEqual([]);
		});

		it('Google Ads report rows, from the anomaly template', async () => {
			const result = await runWorkflow(loadTemplate('google-ads-anomaly-alerts.json'), { credentials: simulatorCredentials(sim) });
			const rows = result.output('Ad group report, last 30 days');
			expect(rows.length).toBeGreaterThan(0);
			expect(rows.flatMap((row) => violations(METRIC_ROW_JSON_SCHEMA, row))).toEqual([]);
		});
	});
});
