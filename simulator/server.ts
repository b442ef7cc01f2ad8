/**
 * The simulator's HTTP core: one loopback server mounting Meta (`/meta`),
 * Google (`/google`) and OpenAI (`/openai`), with request counting, latency,
 * seeded fault injection, a throttle window and the `/_sim/` admin surface.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import type { DatasetSettings, FaultSettings, SimApi, SimContext, SimRequest, SimResponse } from './types';
import { handleAdmin, type AdminTarget } from './core/admin';
import { ChangeLog, type SimChange } from './core/changeLog';
import { RequestCounter } from './core/counter';
import { bare5xx, FaultInjector, throttleFaultFor, type FaultPatch } from './core/faults';
import { BodyTooLargeError, readBody, writeResponse } from './core/http';
import { requestLabel } from './core/labels';
import { DEFAULT_DATASET } from './dataset/tree';
import { createGoogleApi } from './google/index';
import { createHooksApi, type HookMessage } from './hooks/index';
import { createMetaApi } from './meta/index';
import { DEFAULT_META_KNOBS, type MetaKnobs } from './meta/knobs';
import { createOpenAiApi } from './openai/index';
import { startSmtpSink, type SmtpSink } from './smtp/index';
import { DEFAULT_OPENAI_KNOBS, type OpenAiKnobs } from './openai/knobs';

export interface SimulatorOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	/** Loopback only; default 127.0.0.1. */
	host?: string;
	dataset?: Partial<DatasetSettings>;
	faults?: FaultPatch;
	meta?: Partial<MetaKnobs>;
	openai?: Partial<OpenAiKnobs>;
	/** Also start the SMTP sink on this port (0 = a free one); mails land in the hooks recorder under `/email`. */
	smtpPort?: number;
	/** Clock for throttle windows, budget-change limits and video processing; default Date.now. */
	now?: () => number;
}

export interface RunningSimulator {
	url: string;
	port: number;
	/** Meta Graph base, without version: `${metaBaseUrl}/v25.0/me`. */
	metaBaseUrl: string;
	/** Google Ads base, without version: `${googleBaseUrl}/v26/customers:listAccessibleCustomers`. */
	googleBaseUrl: string;
	googleTokenUrl: string;
	/** OpenAI base including `/v1`: `${openAiBaseUrl}/responses`. */
	openAiBaseUrl: string;
	/** Incoming-webhook recorder: POST `${hooksBaseUrl}/slack` as a workflow would post to Slack. */
	hooksBaseUrl: string;
	/** What was posted to the hooks recorder, oldest first. */
	hookMessages(): HookMessage[];
	/** Every write the APIs accepted, once, oldest first: the truth for Apply's tests. Cleared by reset(). */
	changes(): SimChange[];
	/** The SMTP sink's port, when `smtpPort` was given. */
	smtpPort: number | null;
	dataset: DatasetSettings;
	/** Requests per label, e.g. `meta GET /insights`; Meta batch sub-requests appear as `meta batch GET /…`. */
	counts(): Record<string, number>;
	/** HTTP requests served by the APIs (faulted ones included, admin calls excluded). */
	totalRequests(): number;
	resetCounts(): void;
	faults(): FaultSettings;
	setFaults(patch: FaultPatch): void;
	metaKnobs(): MetaKnobs;
	setMetaKnobs(patch: Partial<MetaKnobs>): void;
	openAiKnobs(): OpenAiKnobs;
	setOpenAiKnobs(patch: Partial<OpenAiKnobs>): void;
	/** Rebuilds every API on a new dataset (state is lost). */
	setDataset(patch: Partial<DatasetSettings>): void;
	/** State back to the seed, knobs and faults back to the start options, counts cleared. */
	reset(): void;
	close(): Promise<void>;
}

const API_NAMES: Record<string, string> = { '/meta': 'meta', '/google': 'google', '/openai': 'openai', '/hooks': 'hooks' };

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
	const now = options.now ?? Date.now;
	const counter = new RequestCounter();
	const faults = new FaultInjector(options.faults ?? {}, now);
	const metaKnobs: MetaKnobs = { ...DEFAULT_META_KNOBS, ...options.meta };
	const openAiKnobs: OpenAiKnobs = { ...DEFAULT_OPENAI_KNOBS, ...options.openai, script: [...(options.openai?.script ?? [])] };
	let dataset: DatasetSettings = { ...DEFAULT_DATASET, ...options.dataset };
	let apis: SimApi[] = [];
	// Alert messages outlive dataset rebuilds: they are what people were told, not ad state.
	const hooks = createHooksApi(now);
	const changeLog = new ChangeLog(now);
	const buildApis = () => {
		apis = [createMetaApi(dataset, metaKnobs), createGoogleApi(dataset), createOpenAiApi(openAiKnobs), hooks];
	};
	buildApis();

	const context: SimContext = {
		get faults() {
			return faults.settings;
		},
		get dataset() {
			return dataset;
		},
		count: (label) => counter.add(label),
		random: () => faults.next(),
		now,
		changes: changeLog,
	};

	const serveApi = async (api: SimApi, req: SimRequest): Promise<SimResponse> => {
		counter.countRequest(requestLabel(API_NAMES[api.prefix] ?? api.prefix.slice(1), req.method, req.path));
		// The hooks recorder stands for the people being told (Slack, Telegram), not a platform: no faults,
		// so a test under platform faults still reads and receives every alert.
		if (api === hooks) return (await api.handle(req, context)) ?? api.notFound(req);
		const latency = faults.settings.latencyMs;
		if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
		const throttleFault = faults.throttled(now()) ? throttleFaultFor(api.prefix) : undefined;
		if (throttleFault) return api.renderFault(throttleFault, context) ?? bare5xx(503);
		const fault = faults.draw();
		if (fault) return api.renderFault(fault, context) ?? bare5xx(fault.kind === 'http5xx' ? fault.status : 500);
		return (await api.handle(req, context)) ?? api.notFound(req);
	};

	const admin: AdminTarget = {
		info: () => ({ url: sim.url, metaBaseUrl: sim.metaBaseUrl, googleBaseUrl: sim.googleBaseUrl, googleTokenUrl: sim.googleTokenUrl, openAiBaseUrl: sim.openAiBaseUrl, dataset }),
		counts: () => counter.snapshot(),
		changes: () => changeLog.list(),
		totalRequests: () => counter.totalRequests(),
		resetCounts: () => counter.reset(),
		faults: () => faults.settings,
		setFaults: (patch) => faults.apply(patch, now),
		metaKnobs: () => metaKnobs,
		setMetaKnobs: (patch) => Object.assign(metaKnobs, patch),
		openAiKnobs: () => openAiKnobs,
		setOpenAiKnobs: (patch) => Object.assign(openAiKnobs, patch),
		setDataset: (patch) => {
			dataset = { ...dataset, ...patch };
			sim.dataset = dataset;
			buildApis();
			changeLog.clear();
		},
		reset: () => {
			for (const api of apis) api.reset();
			changeLog.clear();
			Object.assign(metaKnobs, DEFAULT_META_KNOBS, options.meta);
			Object.assign(openAiKnobs, DEFAULT_OPENAI_KNOBS, options.openai, { script: [...(options.openai?.script ?? [])] });
			faults.apply({ ...{ errorRate: 0, kinds: [], latencyMs: 0, throttle: null, seed: 1 }, ...options.faults }, now);
			counter.reset();
		},
	};

	const onRequest = async (req: IncomingMessage, res: ServerResponse) => {
		try {
			const url = new URL(req.url ?? '/', 'http://sim.local');
			const method = (req.method ?? 'GET').toUpperCase();
			const body = await readBody(req);
			if (url.pathname === '/_sim' || url.pathname.startsWith('/_sim/')) {
				writeResponse(res, handleAdmin(method, url.pathname, body, admin));
				return;
			}
			const api = apis.find((a) => url.pathname === a.prefix || url.pathname.startsWith(`${a.prefix}/`));
			if (!api) {
				writeResponse(res, { status: 404, body: { error: `Unknown API: ${url.pathname}. Mounted: /meta, /google, /openai, /hooks, /_sim` } });
				return;
			}
			const simRequest: SimRequest = {
				method,
				path: url.pathname.slice(api.prefix.length) || '/',
				query: url.searchParams,
				headers: req.headers,
				body,
			};
			writeResponse(res, await serveApi(api, simRequest));
		} catch (error) {
			if (error instanceof BodyTooLargeError) {
				writeResponse(res, { status: 413, body: { error: error.message } });
				return;
			}
			// Never echo request data (it may hold tokens); the message is ours.
			writeResponse(res, { status: 500, body: { error: { message: `Simulator bug: ${(error as Error).message}`, type: 'SimulatorError' } } });
		}
	};

	const server = createServer((req, res) => void onRequest(req, res));
	server.keepAliveTimeout = 5_000;
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	const smtp: SmtpSink | null =
		options.smtpPort === undefined ? null : await startSmtpSink(options.smtpPort, host, (mail) => hooks.record('/email', 'message/rfc822', mail));
	const url = `http://${host}:${port}`;

	const sim: RunningSimulator = {
		url,
		port,
		metaBaseUrl: `${url}/meta`,
		googleBaseUrl: `${url}/google`,
		googleTokenUrl: `${url}/google/oauth/token`,
		openAiBaseUrl: `${url}/openai/v1`,
		hooksBaseUrl: `${url}/hooks`,
		hookMessages: () => hooks.messages(),
		changes: () => changeLog.list(),
		smtpPort: smtp?.port ?? null,
		dataset,
		counts: admin.counts,
		totalRequests: admin.totalRequests,
		resetCounts: admin.resetCounts,
		faults: admin.faults,
		setFaults: admin.setFaults,
		metaKnobs: admin.metaKnobs,
		setMetaKnobs: admin.setMetaKnobs,
		openAiKnobs: admin.openAiKnobs,
		setOpenAiKnobs: admin.setOpenAiKnobs,
		setDataset: admin.setDataset,
		reset: admin.reset,
		close: async () => {
			await smtp?.close();
			await new Promise<void>((resolve, reject) => {
				server.closeAllConnections();
				server.close((error) => (error ? reject(error) : resolve()));
			});
		},
	};
	return sim;
}
