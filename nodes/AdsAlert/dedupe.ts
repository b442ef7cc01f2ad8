/**
 * Not telling people the same thing twice. A finding (entity + kind) sent on
 * a channel is not sent there again within the period unless its severity
 * got worse. What was sent comes from the workflow's static data (default;
 * n8n stores it with the workflow after production runs, so queue-mode
 * workers share it) or from recent-alert rows a template reads from a Data
 * Table and feeds in on the second input.
 *
 * Two runs that overlap (queue mode, a slow run and the next schedule) both
 * read the state before either saves it, so both may send the same finding;
 * the later save wins. A run is short next to a 6-hour period, so this is a
 * rare duplicate, never a lost alert. Use the Data Table mode with an upsert
 * keyed on `key` + `channel` when even that matters.
 */
import type { IDataObject } from 'n8n-workflow';

import { SEVERITY_RANK, type Finding, type Severity } from './findings/types';

export interface SentRecord {
	key: string;
	channel: string;
	severity: Severity;
	/** ISO time. */
	sentAt: string;
}

/** `channel|key` → what was last sent. */
export type SentState = Map<string, { severity: Severity; atMs: number }>;

const MAX_REMEMBERED = 5000;
const stateKey = (channel: string, key: string) => `${channel}|${key}`;

export function stateFromStaticData(staticData: IDataObject): SentState {
	const stored = (staticData.sent ?? {}) as Record<string, { s?: Severity; at?: number }>;
	const state: SentState = new Map();
	for (const [key, value] of Object.entries(stored)) {
		if (value && typeof value.at === 'number' && value.s && value.s in SEVERITY_RANK) state.set(key, { severity: value.s, atMs: value.at });
	}
	return state;
}

/** Rows from a Data Table: `key`, `channel`, `severity`, `sentAt` (ISO or epoch ms). Rows missing any are ignored. */
export function stateFromRows(rows: IDataObject[]): SentState {
	const state: SentState = new Map();
	for (const row of rows) {
		const at = typeof row.sentAt === 'number' ? row.sentAt : Date.parse(String(row.sentAt ?? ''));
		const severity = row.severity as Severity;
		if (typeof row.key !== 'string' || typeof row.channel !== 'string' || !(severity in SEVERITY_RANK) || !Number.isFinite(at)) continue;
		const id = stateKey(row.channel, row.key);
		const known = state.get(id);
		if (!known || known.atMs < at) state.set(id, { severity, atMs: at });
	}
	return state;
}

/** Splits findings into those to send on this channel and repeats to hold back. */
export function withoutRepeats(findings: Finding[], channel: string, state: SentState, nowMs: number, periodMs: number): { send: Finding[]; repeats: Finding[] } {
	const send: Finding[] = [];
	const repeats: Finding[] = [];
	for (const f of findings) {
		const last = state.get(stateKey(channel, f.key));
		const recent = last !== undefined && nowMs - last.atMs < periodMs;
		if (recent && SEVERITY_RANK[f.severity] <= SEVERITY_RANK[last.severity]) repeats.push(f);
		else send.push(f);
	}
	return { send, repeats };
}

export function remember(state: SentState, channel: string, findings: Finding[], nowMs: number): SentRecord[] {
	return findings.map((f) => {
		state.set(stateKey(channel, f.key), { severity: f.severity, atMs: nowMs });
		return { key: f.key, channel, severity: f.severity, sentAt: new Date(nowMs).toISOString() };
	});
}

type StoredSent = Record<string, { s: Severity; at: number }>;

function sameSent(stored: unknown, next: StoredSent): boolean {
	if (typeof stored !== 'object' || stored === null) return false;
	const old = stored as Record<string, { s?: unknown; at?: unknown }>;
	const keys = Object.keys(next);
	return Object.keys(old).length === keys.length && keys.every((k) => old[k]?.s === next[k].s && old[k]?.at === next[k].at);
}

/**
 * Writes the state back, dropping entries older than the period and the oldest
 * beyond the cap, and only when that changes it: n8n saves a run's whole
 * static data (every node's, as loaded when the run started) once anything in
 * it changed, so a needless write would put back stale copies of other nodes'
 * data, such as the Meta Ads Trigger's duplicate window saved meanwhile.
 */
export function saveToStaticData(staticData: IDataObject, state: SentState, nowMs: number, periodMs: number): void {
	const entries = [...state.entries()].filter(([, v]) => nowMs - v.atMs < periodMs).sort((a, b) => b[1].atMs - a[1].atMs).slice(0, MAX_REMEMBERED);
	const next: StoredSent = Object.fromEntries(entries.map(([k, v]) => [k, { s: v.severity, at: v.atMs }]));
	if (!sameSent(staticData.sent, next)) staticData.sent = next;
}
