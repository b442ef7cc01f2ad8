/**
 * The `/_sim/` control surface, so a simulator started by the CLI (sandbox,
 * out-of-process e2e runs) can be steered over HTTP like the in-process API.
 */
import type { SimResponse } from '../types';
import type { SimChange } from './changeLog';
import type { FaultPatch } from './faults';
import type { MetaKnobs } from '../meta/knobs';
import type { OpenAiKnobs } from '../openai/knobs';
import type { DatasetSettings, FaultSettings } from '../types';

export interface AdminTarget {
	info(): Record<string, unknown>;
	counts(): Record<string, number>;
	changes(): SimChange[];
	totalRequests(): number;
	resetCounts(): void;
	faults(): FaultSettings;
	setFaults(patch: FaultPatch): void;
	metaKnobs(): MetaKnobs;
	setMetaKnobs(patch: Partial<MetaKnobs>): void;
	openAiKnobs(): OpenAiKnobs;
	setOpenAiKnobs(patch: Partial<OpenAiKnobs>): void;
	setDataset(patch: Partial<DatasetSettings>): void;
	reset(): void;
}

function parseJson(body: Buffer): Record<string, unknown> {
	if (body.length === 0) return {};
	const value: unknown = JSON.parse(body.toString('utf8'));
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('Expected a JSON object');
	return value as Record<string, unknown>;
}

export function handleAdmin(method: string, path: string, body: Buffer, sim: AdminTarget): SimResponse {
	const route = `${method} ${path.replace(/\/+$/, '')}`;
	let input: Record<string, unknown>;
	try {
		input = parseJson(body);
	} catch (error) {
		return { status: 400, body: { error: `Invalid JSON: ${(error as Error).message}` } };
	}
	try {
		switch (route) {
			case 'GET /_sim':
			case 'GET /_sim/info':
				return { status: 200, body: sim.info() };
			case 'GET /_sim/counts':
				return { status: 200, body: { total: sim.totalRequests(), counts: sim.counts() } };
			case 'GET /_sim/changes':
				return { status: 200, body: { changes: sim.changes() } };
			case 'POST /_sim/counts/reset':
				sim.resetCounts();
				return { status: 200, body: { ok: true } };
			case 'GET /_sim/faults':
				return { status: 200, body: sim.faults() };
			case 'POST /_sim/faults':
				sim.setFaults(input as FaultPatch);
				return { status: 200, body: sim.faults() };
			case 'GET /_sim/meta':
				return { status: 200, body: sim.metaKnobs() };
			case 'POST /_sim/meta':
				sim.setMetaKnobs(input as Partial<MetaKnobs>);
				return { status: 200, body: sim.metaKnobs() };
			case 'GET /_sim/openai':
				return { status: 200, body: sim.openAiKnobs() };
			case 'POST /_sim/openai':
				sim.setOpenAiKnobs(input as Partial<OpenAiKnobs>);
				return { status: 200, body: sim.openAiKnobs() };
			case 'POST /_sim/dataset':
				sim.setDataset(input as Partial<DatasetSettings>);
				return { status: 200, body: sim.info() };
			case 'POST /_sim/reset':
				sim.reset();
				return { status: 200, body: { ok: true } };
			default:
				return { status: 404, body: { error: `No admin route ${route}` } };
		}
	} catch (error) {
		return { status: 400, body: { error: (error as Error).message } };
	}
}
