/**
 * Output: one audit item per action on the first output (paired with its
 * input item), one summary item on the second (totals, digest, targets and a
 * ready-to-send message for the approval step). Bad input becomes an error
 * item under Continue On Fail, else a rejected audit item that names it.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ChangeResult } from '../shared/platforms';
import { auditItem, type AuditMeta } from './engine/audit';
import { planTotals, type Plan } from './engine/plan';
import type { PlanEntry } from './engine/types';
import type { Approval } from './approval';

export const SUMMARY_SCHEMA = 'adpilot.applySummary/v1' as const;

function summaryMessage(plan: Plan, t: Plan['totals'], meta: AuditMeta, applied: number, failed: number, approval?: Approval): string {
	const lines = [
		`Ads Apply ${meta.operation === 'apply' ? 'applied' : 'plan'}: ${t.apply + t.clamp} change(s) (${t.clamp} clamped), ${t.reject} rejected, ${t.noop} unchanged.`,
		...t.accounts.map((a) => `• ${a.platform} ${a.accountId}: ${a.changes} change(s), daily +${a.dailyIncrease} / -${a.dailyDecrease} ${a.currency ?? ''}`.trim()),
		meta.operation === 'apply' ? `Sent: ${applied} applied, ${failed} failed.` : `Digest: ${plan.digest}`,
	];
	if (approval && !approval.ok) lines.push(approval.message);
	return lines.join('\n');
}

export function toOutputs(
	ctx: IExecuteFunctions,
	plan: Plan,
	entries: PlanEntry[],
	results: Map<number, ChangeResult>,
	meta: AuditMeta,
	approval?: Approval,
): INodeExecutionData[][] {
	const audit: INodeExecutionData[] = [];
	let applied = 0;
	let failed = 0;
	for (const entry of entries) {
		const result = results.get(entry.itemIndex);
		if (entry.badField && ctx.continueOnFail()) {
			audit.push({ json: { error: entry.reason, field: entry.badField, itemIndex: entry.itemIndex }, pairedItem: { item: entry.itemIndex } });
			continue;
		}
		const json = auditItem(entry, meta, result);
		if (entry.badField) json.error = entry.reason;
		if (json.applied === true) applied++;
		if (result && !result.ok && !result.validateOnly) failed++;
		audit.push({ json, pairedItem: { item: entry.itemIndex } });
	}
	// The platforms' validation may have turned planned changes into rejects: count what the audit items say.
	const totals = planTotals(entries);
	const summary: IDataObject = {
		schema: SUMMARY_SCHEMA,
		operation: meta.operation,
		runId: meta.runId,
		planDigest: plan.digest,
		...totals,
		accounts: totals.accounts as unknown as IDataObject[],
		applied,
		failed,
		appliedAt: meta.appliedAt,
		...(approval ? { approval: approval as unknown as IDataObject } : {}),
		targets: plan.targets as unknown as IDataObject[],
		message: summaryMessage(plan, totals, meta, applied, failed, approval),
	};
	return [audit, [{ json: summary, pairedItem: entries.map((e) => ({ item: e.itemIndex })) }]];
}
