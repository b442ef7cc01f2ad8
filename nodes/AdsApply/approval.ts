/**
 * Require Approved Digest: Apply sends only the plan a person approved. The
 * digest binds the approval to every (entity, target); any difference sends
 * nothing and says which entities differ (when the approved targets are given).
 */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { diffTargets, type PlanTarget, type TargetDifference } from './engine/digest';
import type { Plan } from './engine/plan';

export interface Approval {
	required: boolean;
	ok: boolean;
	approvedDigest: string | null;
	differences?: TargetDifference[];
	message: string;
}

function parseJson(ctx: IExecuteFunctions, raw: string): unknown {
	try {
		return raw.trim() === '' ? [] : (JSON.parse(raw) as unknown);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Approved Targets is not valid JSON: ${(error as Error).message}`, { itemIndex: 0 });
	}
}

function readApprovedTargets(ctx: IExecuteFunctions): PlanTarget[] | undefined {
	const raw = ctx.getNodeParameter('approvedTargets', 0, '[]') as unknown;
	const value = typeof raw === 'string' ? parseJson(ctx, raw) : raw;
	if (!Array.isArray(value)) {
		throw new NodeOperationError(ctx.getNode(), 'Approved Targets must be a JSON array (the "targets" of the approved plan summary)', { itemIndex: 0 });
	}
	return value.length ? (value as PlanTarget[]) : undefined;
}

export function approvalCheck(ctx: IExecuteFunctions, plan: Plan): Approval {
	const required = ctx.getNodeParameter('requireApprovedDigest', 0, true) as boolean;
	if (!required) return { required, ok: true, approvedDigest: null, message: 'applied without an approved digest (Require Approved Digest is off)' };
	const approvedDigest = String(ctx.getNodeParameter('approvedDigest', 0, '') ?? '').trim();
	if (approvedDigest === '') {
		return { required, ok: false, approvedDigest: null, message: 'nothing applied: Require Approved Digest is on and Approved Digest is empty' };
	}
	if (approvedDigest === plan.digest) return { required, ok: true, approvedDigest, message: 'the plan matches the approved digest' };
	const approvedTargets = readApprovedTargets(ctx);
	const differences = approvedTargets ? diffTargets(approvedTargets, plan.targets) : undefined;
	const named = differences
		? `; ${differences.length} entit${differences.length === 1 ? 'y differs' : 'ies differ'}: ${differences.slice(0, 20).map((d) => `${d.entity} approved ${d.approved ?? 'none'} now ${d.now ?? 'none'}`).join('; ')}`
		: `; pass the approved summary's targets in Approved Targets to see which entities differ (this plan changes ${plan.targets.map((t) => `${t.platform}:${t.accountId}:${t.entityId}:${t.property}`).slice(0, 20).join(', ') || 'nothing'})`;
	return {
		required, ok: false, approvedDigest, ...(differences ? { differences } : {}),
		message: `nothing applied: this plan's digest ${plan.digest} differs from the approved ${approvedDigest}${named}`,
	};
}
