/**
 * The plan digest: a SHA-256 over the canonical list of (platform, account,
 * entity, property, target) of every change the plan would send. Sorted, so
 * item order does not matter; noops and rejects are not changes, so they do
 * not count. A person approves a digest; Apply sends only the plan that has it.
 */
import { createHash } from 'crypto';

import { stableStringify } from '../../shared/contracts/idempotency';
import type { PlanEntry } from './types';

export interface PlanTarget {
	platform: string;
	accountId: string;
	level: string;
	entityId: string;
	property: string;
	target: number | string;
}

export function planTargets(entries: PlanEntry[]): PlanTarget[] {
	const targets: PlanTarget[] = [];
	for (const e of entries) {
		if ((e.decision !== 'apply' && e.decision !== 'clamp') || !e.property || e.after === null) continue;
		targets.push({ platform: e.action.platform, accountId: e.action.accountId, level: e.action.level, entityId: e.action.entityId, property: e.property, target: e.after });
	}
	return targets.sort((a, b) => (stableStringify(a) < stableStringify(b) ? -1 : 1));
}

export function planDigest(targets: PlanTarget[]): string {
	const lines = targets.map((t) => stableStringify(t)).sort();
	return `sha256:${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
}

function keyOf(t: PlanTarget): string {
	return `${t.platform}:${t.accountId}:${t.level}:${t.entityId}:${t.property}`;
}

export interface TargetDifference {
	entity: string;
	approved: number | string | null;
	now: number | string | null;
}

/** Which entity properties differ between an approved target list and this plan's. */
export function diffTargets(approved: PlanTarget[], current: PlanTarget[]): TargetDifference[] {
	const before = new Map(approved.map((t) => [keyOf(t), t.target]));
	const now = new Map(current.map((t) => [keyOf(t), t.target]));
	const differences: TargetDifference[] = [];
	for (const key of new Set([...before.keys(), ...now.keys()])) {
		const a = before.get(key) ?? null;
		const b = now.get(key) ?? null;
		if (a !== b) differences.push({ entity: key, approved: a, now: b });
	}
	return differences.sort((x, y) => (x.entity < y.entity ? -1 : 1));
}
