/**
 * Plan and Apply: read the actions, read the platforms once, build the plan
 * (engine/), check the approved digest, validate on the platforms, send, and
 * emit one audit item per action plus a summary.
 */
import { type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { portFor, type Change, type ChangeResult, type EntityState } from '../shared/platforms';
import type { AuditMeta } from './engine/audit';
import { reject } from './engine/entry';
import { readAction, propertyOf } from './engine/intent';
import { buildPlan, type Plan } from './engine/plan';
import type { PlanEntry, PlanInput } from './engine/types';
import { judgeGoogleCreates, sendGoogleCreates } from './create/google';
import { judgeMetaCreates, sendMetaCreates } from './create/meta';
import { missingCredentials, readAll } from './reads';
import { readGuardrails, readRunOptions } from './settings';
import { approvalCheck, type Approval } from './approval';
import { toOutputs } from './output';

interface ReadInputs {
	inputs: PlanInput[];
	bad: PlanEntry[];
}

/** A rejected entry for an item that is not a usable action; it names the field and the item. */
function badEntry(itemIndex: number, json: IDataObject, field: string, message: string): PlanEntry {
	const action = json as unknown as PlanEntry['action'];
	return {
		itemIndex, action, entityKey: `invalid:${itemIndex}`, property: null, currency: null, before: null, after: null, requested: null,
		decision: 'reject', guardrails: [], reason: `Item ${itemIndex} is not a valid action: ${message}`, dailyIncrease: 0, impact: 0, badField: field,
	};
}

function readInputs(items: INodeExecutionData[]): ReadInputs {
	const inputs: PlanInput[] = [];
	const bad: PlanEntry[] = [];
	items.forEach((item, itemIndex) => {
		const read = readAction(item.json, itemIndex);
		if (read.ok) inputs.push(read.input);
		else bad.push(badEntry(itemIndex, item.json, read.field, read.message));
	});
	return { inputs, bad };
}

function secondInput(ctx: IExecuteFunctions): INodeExecutionData[] {
	try {
		return ctx.getInputData(1) ?? [];
	} catch {
		return [];
	}
}

/** Sends (or validates) the changes of some entries through their platform ports; results by item index. */
async function send(ctx: IExecuteFunctions, entries: PlanEntry[], states: Map<string, EntityState | Error>, validateOnly: boolean): Promise<Map<number, ChangeResult>> {
	const results = await sendGoogleCreates(ctx, entries.filter((e) => e.create), validateOnly);
	for (const [itemIndex, result] of await sendMetaCreates(ctx, entries.filter((e) => e.create), validateOnly)) results.set(itemIndex, result);
	const byPlatform = new Map<string, PlanEntry[]>();
	for (const entry of entries) {
		if (entry.change) byPlatform.set(entry.action.platform, [...(byPlatform.get(entry.action.platform) ?? []), entry]);
	}
	for (const [platform, group] of byPlatform) {
		const port = portFor(platform)!;
		const readStates = group.map((e) => states.get(e.entityKey)).filter((s): s is EntityState => !!s && !(s instanceof Error));
		const answers = await port.applyChanges(ctx, group.map((e) => e.change as Change), { validateOnly, states: readStates });
		group.forEach((entry, i) => results.set(entry.itemIndex, answers[i]));
	}
	return results;
}

/** A change the platform refuses on validation is shown as rejected and never sent. */
function withValidation(plan: Plan, validation: Map<number, ChangeResult>): PlanEntry[] {
	return plan.entries.map((entry) => {
		const result = validation.get(entry.itemIndex);
		if (!result || result.ok) return entry;
		return reject(entry, `the platform refuses this change: ${result.error?.message ?? 'validation failed'}`, { name: 'platformValidation', limit: 'accepted', value: 'refused', outcome: 'reject' });
	});
}

async function makePlan(ctx: IExecuteFunctions, nowMs: number) {
	const settings = readGuardrails(ctx);
	const options = readRunOptions(ctx);
	const { inputs, bad } = readInputs(ctx.getInputData());
	const missing = await missingCredentials(ctx, new Set(inputs.filter((i) => propertyOf(i.intent) !== null).map((i) => i.action.platform)));
	const withCredential = inputs.filter((i) => propertyOf(i.intent) === null || !missing.has(i.action.platform));
	const creates = withCredential.filter((i) => i.intent.type === 'create' && (i.action.platform === 'google' || i.action.platform === 'meta'));
	const usable = withCredential.filter((i) => !creates.includes(i));
	const noCredential = inputs.filter((i) => !withCredential.includes(i)).map((i) => badEntry(i.itemIndex, i.action as unknown as IDataObject, 'platform', missing.get(i.action.platform) as string));
	const reads = await readAll(ctx, usable.filter((i) => propertyOf(i.intent) !== null && i.intent.type !== 'create'), settings, options.historySource, secondInput(ctx), nowMs);
	const judgedCreates = [
		...(await judgeGoogleCreates(ctx, creates.filter((i) => i.action.platform === 'google'), settings)),
		...(await judgeMetaCreates(ctx, creates.filter((i) => i.action.platform === 'meta'), settings)),
	];
	const plan = buildPlan(usable, { settings, states: reads.states, history: reads.history, appliedKeys: reads.appliedKeys, nowMs }, [...bad, ...noCredential, ...judgedCreates]);
	return { plan, reads, options };
}

export async function runPlanOrApply(ctx: IExecuteFunctions, operation: 'plan' | 'apply'): Promise<INodeExecutionData[][]> {
	const nowMs = Date.now();
	const { plan, reads, options } = await makePlan(ctx, nowMs);
	const runId = String(ctx.getExecutionId?.() ?? `run-${nowMs}`);
	const meta: AuditMeta = { operation, runId, planDigest: plan.digest, appliedAt: null };
	let approval: Approval | undefined;
	if (operation === 'apply') {
		approval = approvalCheck(ctx, plan);
		if (!approval.ok) return toOutputs(ctx, plan, plan.entries, new Map(), { ...meta, operation: 'plan' }, approval);
	}
	const sendable = plan.entries.filter((e) => (e.change || e.create) && (e.decision === 'apply' || e.decision === 'clamp'));
	// Validate in Plan on both platforms; in Apply only on Google, where a refused
	// operation is then left out of the one mutate (Meta's batch answers per change
	// anyway, and a Meta create undoes itself when a later object is refused).
	const validateHere = options.validateOnPlatform ? sendable.filter((e) => operation === 'plan' || e.action.platform === 'google') : [];
	const validation = validateHere.length ? await send(ctx, validateHere, reads.states, true) : new Map<number, ChangeResult>();
	const entries = withValidation(plan, validation);
	if (operation === 'plan') return toOutputs(ctx, plan, entries, validation, meta, approval);
	const toSend = entries.filter((e) => (e.change || e.create) && (e.decision === 'apply' || e.decision === 'clamp'));
	const appliedAt = new Date().toISOString();
	const results = await send(ctx, toSend, reads.states, false);
	return toOutputs(ctx, plan, entries, results, { ...meta, appliedAt }, approval);
}
