/**
 * The contract between the simulator's core (HTTP server, fault injection,
 * request counting) and each emulated API (Meta Graph, Google Ads REST,
 * OpenAI Responses). Each API lives in its own folder and exports a SimApi.
 */
import type { IncomingHttpHeaders } from 'http';

import type { ChangeLog } from './core/changeLog';

export interface SimRequest {
	method: string;
	/** Path below the API's mount prefix, e.g. `/v25.0/act_1/campaigns`. */
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	/** Raw body; multipart uploads are parsed by the API that needs them. */
	body: Buffer;
}

export interface SimResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; Buffers and strings as they are. */
	body?: unknown;
}

/** Kinds of failure the fault knobs can inject; each API renders them in its own wire format. */
export type FaultKind =
	| { kind: 'http5xx'; status: 500 | 502 | 503 }
	| { kind: 'metaCode'; code: 1 | 2 | 4 | 17 | 32 | 613 | 80004 }
	| { kind: 'googleStatus'; status: 'RESOURCE_EXHAUSTED' | 'TRANSIENT_ERROR' };

export interface FaultSettings {
	/** Probability (0..1) that a request is answered with an injected fault. */
	errorRate: number;
	/** Which faults to draw from; an API ignores kinds it cannot render and uses http5xx instead. */
	kinds: FaultKind[];
	/** Added latency per request, milliseconds. */
	latencyMs: number;
	/** While set, Meta answers report usage near 100 % and regain time; Google answers quota errors. */
	throttle: { untilMs: number; regainMinutes: number } | null;
	/** Deterministic fault draws. */
	seed: number;
}

export interface DatasetSettings {
	seed: number;
	/** Days of daily metrics, ending yesterday relative to `today`. */
	days: number;
	/** `YYYY-MM-DD` used as "today", so data and tests are reproducible. */
	today: string;
	accounts: number;
	campaignsPerAccount: number;
	adSetsPerCampaign: number;
	adsPerAdSet: number;
}

export interface SimContext {
	faults: FaultSettings;
	dataset: DatasetSettings;
	/** Count a request under a label such as `meta GET /insights`. */
	count(label: string): void;
	/** Deterministic random in [0,1) from the fault stream. */
	random(): number;
	now(): number;
	/** Every accepted write, once (see core/changeLog.ts). */
	changes: ChangeLog;
}

export interface SimApi {
	/** Mount prefix, e.g. `/meta`. */
	prefix: string;
	/** Answers a request, or undefined for "no such route" (the core answers 404 in the API's format). */
	handle(req: SimRequest, ctx: SimContext): Promise<SimResponse | undefined>;
	/** Renders an injected fault in this API's wire format, or undefined to let the core use a bare 5xx. */
	renderFault(fault: FaultKind, ctx: SimContext): SimResponse | undefined;
	/** Renders "not found" in this API's wire format. */
	notFound(req: SimRequest): SimResponse;
	/** Drops all state back to the seeded dataset. */
	reset(): void;
}
