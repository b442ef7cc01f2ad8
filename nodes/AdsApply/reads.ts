/**
 * Everything a plan reads, once per run: the credentials each platform
 * needs, the current state of every target (in bulk, through the platform
 * port), and past changes from the platforms' own history and/or the audit
 * rows on the second input. Nothing is kept between runs.
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { getCredentialType } from '../GoogleAds/transport';
import { entityKey, portFor, type EntityRef, type EntityState, type HistoryEvent } from '../shared/platforms';
import { AUDIT_SCHEMA } from './engine/audit';
import { inputKey } from './engine/plan';
import type { GuardrailSettings, PlanInput } from './engine/types';
import type { HistorySource } from './settings';

const HOUR = 3_600_000;

/** Why a platform cannot be used in this run (no credential), by platform. */
export async function missingCredentials(ctx: IExecuteFunctions, platforms: Set<string>): Promise<Map<string, string>> {
	const missing = new Map<string, string>();
	for (const platform of platforms) {
		const type = platform === 'meta' ? 'adPilotMetaAdsApi' : getCredentialType(ctx, 0);
		const label = platform === 'meta' ? 'AdPilot Meta Ads API' : type === 'adPilotGoogleAdsApi' ? 'AdPilot Google Ads (Refresh Token)' : 'AdPilot Google Ads OAuth2';
		try {
			await ctx.getCredentials(type);
		} catch {
			missing.set(platform, `no ${platform === 'meta' ? 'Meta' : 'Google'} credential on this node: select an ${label} credential to apply ${platform} actions`);
		}
	}
	return missing;
}

export interface Reads {
	states: Map<string, EntityState | Error>;
	history: Map<string, HistoryEvent[]>;
	appliedKeys: Map<string, string>;
}

/** Idempotency keys that audit rows say were applied: a repeat of the same decision is a noop. */
export function appliedKeysFrom(rows: INodeExecutionData[]): Map<string, string> {
	const keys = new Map<string, string>();
	for (const { json } of rows) {
		if (json.schema === AUDIT_SCHEMA && json.applied === true && typeof json.idempotencyKey === 'string') keys.set(json.idempotencyKey, String(json.runId ?? 'earlier'));
	}
	return keys;
}

function addEvent(history: Map<string, HistoryEvent[]>, key: string, event: HistoryEvent): void {
	history.set(key, [...(history.get(key) ?? []), event]);
}

/** Audit rows (Apply's own items, e.g. read back from a Data Table) → past changes. */
export function historyFromAuditRows(rows: INodeExecutionData[], history: Map<string, HistoryEvent[]>): void {
	for (const { json } of rows) {
		if (json.schema !== AUDIT_SCHEMA || json.applied !== true || typeof json.appliedAt !== 'string') continue;
		const at = Date.parse(json.appliedAt);
		if (Number.isNaN(at)) continue;
		const ref: EntityRef = { accountId: String(json.accountId), level: json.level as EntityRef['level'], entityId: String(json.entityId) };
		const property = String(json.property ?? '');
		const what = property.startsWith('budget') ? 'budget' : property === 'bid' ? 'bid' : property === 'status' ? 'status' : 'other';
		addEvent(history, entityKey(String(json.platform), ref), { entityId: ref.entityId, at, what });
	}
}

/** Reads states and platform history for every planned input, per platform, through its port. */
export async function readAll(ctx: IExecuteFunctions, inputs: PlanInput[], settings: GuardrailSettings, source: HistorySource, auditRows: INodeExecutionData[], nowMs: number): Promise<Reads> {
	const states = new Map<string, EntityState | Error>();
	const history = new Map<string, HistoryEvent[]>();
	const appliedKeys = appliedKeysFrom(auditRows);
	if (source !== 'platform') historyFromAuditRows(auditRows, history);
	const byPlatform = new Map<string, Map<string, EntityRef>>();
	for (const input of inputs) {
		const refs = byPlatform.get(input.action.platform) ?? new Map<string, EntityRef>();
		refs.set(inputKey(input), { accountId: input.action.accountId, level: input.action.level, entityId: input.action.entityId });
		byPlatform.set(input.action.platform, refs);
	}
	for (const [platform, refsByKey] of byPlatform) {
		const port = portFor(platform);
		if (!port) continue;
		const keys = [...refsByKey.keys()];
		const read = await port.readStates(ctx, [...refsByKey.values()], { itemIndex: 0 });
		keys.forEach((key, i) => states.set(key, read[i]));
		if (source === 'audit') continue;
		const readable = read.filter((s): s is EntityState => !(s instanceof Error));
		if (readable.length === 0) continue;
		const since = nowMs - Math.max(settings.cooldownHours, 1) * HOUR;
		const byEntity = new Map(readable.map((s) => [s.ref.entityId, s]));
		try {
			const events = await port.readHistory(ctx, [...new Set(readable.map((s) => s.ref.accountId))], since, readable);
			for (const event of events) {
				const owner = byEntity.get(event.entityId);
				if (owner) addEvent(history, entityKey(platform, owner.ref), event);
			}
		} catch (error) {
			// Without history a cooldown cannot be judged: refuse rather than guess.
			throw new NodeOperationError(ctx.getNode(), `Could not read the ${platform} change history needed for cooldowns: ${(error as Error).message}`, {
				itemIndex: 0,
				description: 'Set Options → Cooldown History to "Recent Changes Input Only" to judge cooldowns from audit rows instead.',
			});
		}
	}
	return { states, history, appliedKeys };
}
