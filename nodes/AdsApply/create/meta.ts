/**
 * `create` actions on Meta: a campaign plan (campaign → creative → ad set →
 * ad, everything PAUSED), with bodies built by the Meta Ads node's create code
 * (metaSpec.ts). Judged like Google's creates: allowed accounts, the account
 * currency, the Budget Ceiling; a live campaign of the same name makes it a
 * noop, so re-applying never creates twice.
 *
 * Meta has no atomic multi-object write, so Apply creates in order and, when a
 * later object fails, deletes what this action created (Meta deletes a
 * campaign's children with it): an action leaves all four objects or none,
 * and re-applying it starts clean. Plan validates the campaign and the
 * creative with `execution_options=["validate_only"]`; the ad set and the ad
 * name parents that do not exist yet, so only their fields are checked here.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { graphPaginate, graphRequest } from '../../MetaAds/transport';
import { makeIdempotencyKey } from '../../shared/contracts/idempotency';
import { resultError, type ChangeResult } from '../../shared/platforms/platform';
import { allowedAccountCheck, newEntry, reject } from '../engine/entry';
import type { GuardrailSettings, MetaCreateSpec, PlanEntry, PlanInput } from '../engine/types';
import { META_CREATE_STEPS, META_PLAN_CREATE, readMetaPlan, withBudgets, type MetaCreateLevel } from './metaSpec';

interface Account {
	currency: string;
	/** Live (not deleted or archived) campaigns by name. */
	campaignIds: Map<string, string>;
}

async function readAccount(ctx: IExecuteFunctions, accountId: string, names: string[]): Promise<Account | Error> {
	try {
		const account = await graphRequest<IDataObject>(ctx, { method: 'GET', path: `/act_${accountId}`, qs: { fields: 'currency' } });
		const campaignIds = new Map<string, string>();
		for (const name of new Set(names)) {
			// CONTAIN, then an exact match here: Graph's name filter is a substring filter.
			const rows = await graphPaginate<IDataObject>(ctx, {
				path: `/act_${accountId}/campaigns`,
				qs: { fields: 'id,name', filtering: [{ field: 'name', operator: 'CONTAIN', value: name }] },
				pageSize: 100,
				returnAll: true,
			});
			for (const row of rows) if (row.name === name) campaignIds.set(name, String(row.id));
		}
		return { currency: String(account.currency ?? '').toUpperCase(), campaignIds };
	} catch (error) {
		return error as Error;
	}
}

function base(input: PlanInput, name: string): PlanEntry {
	return newEntry(input, `meta:${input.action.accountId}:campaign:new:${name}`);
}

function judge(input: PlanInput, account: Account | Error, settings: GuardrailSettings): PlanEntry {
	const params = input.action.params as { spec?: unknown; objectType?: unknown };
	if (params.objectType !== META_PLAN_CREATE) return { ...reject(base(input, '?'), `params.objectType: Meta creates support "${META_PLAN_CREATE}", got ${JSON.stringify(params.objectType)}`), badField: 'params.objectType' };
	const read = readMetaPlan(params.spec, input.itemIndex);
	if (!read.ok) return { ...reject(base(input, '?'), `Item ${input.itemIndex}: ${read.message}`), badField: read.field };
	const { plan } = read;
	const target: `campaign ${string}` = `campaign "${plan.name}" (${makeIdempotencyKey(params.spec as Record<string, unknown>).slice(0, 12)})`;
	const entry: PlanEntry = { ...base(input, plan.name), requested: target };
	const accountCheck = allowedAccountCheck(input.action.accountId, settings);
	if (accountCheck.outcome === 'reject') return reject(entry, `account ${input.action.accountId} is not in Allowed Accounts`, accountCheck);
	if (account instanceof Error) return reject(entry, `ad account act_${input.action.accountId} cannot be read with this credential: ${account.message}`, accountCheck, 'accountId');
	const ready = { ...entry, currency: account.currency, guardrails: [accountCheck] };
	if (plan.currency && plan.currency !== account.currency) return reject(ready, `params.spec.adSet.currency is ${plan.currency} but ad account act_${input.action.accountId} uses ${account.currency}`, undefined, 'params.spec.adSet.currency');
	if (settings.maxBudget !== null && plan.budget !== null && plan.budget > settings.maxBudget) {
		return reject(ready, `the plan's budget ${plan.budget} ${account.currency} is above Budget Ceiling ${settings.maxBudget}`, { name: 'maxBudget', limit: settings.maxBudget, value: plan.budget, outcome: 'reject' });
	}
	const existing = account.campaignIds.get(plan.name);
	if (existing) return { ...ready, decision: 'noop', after: target, reason: `a campaign named "${plan.name}" already exists in ad account act_${input.action.accountId} (id ${existing})` };
	const create: MetaCreateSpec = { platform: 'meta', accountId: input.action.accountId, bodies: withBudgets(plan, account.currency) };
	return { ...ready, decision: 'apply', after: target, reason: `create ${target}: campaign, creative, ad set and ad, everything PAUSED`, create };
}

/** Judges every Meta create, reading each ad account once. */
export async function judgeMetaCreates(ctx: IExecuteFunctions, inputs: PlanInput[], settings: GuardrailSettings): Promise<PlanEntry[]> {
	const accounts = new Map<string, Account | Error>();
	for (const accountId of new Set(inputs.map((i) => i.action.accountId))) {
		const names = inputs.filter((i) => i.action.accountId === accountId).map((i) => readMetaPlan((i.action.params as { spec?: unknown }).spec, i.itemIndex)).flatMap((r) => (r.ok ? [r.plan.name] : []));
		accounts.set(accountId, await readAccount(ctx, accountId, names));
	}
	return inputs.map((input) => judge(input, accounts.get(input.action.accountId)!, settings));
}

/** A body with the ids of the objects it hangs under. */
function linked(level: MetaCreateLevel, body: IDataObject, ids: Partial<Record<MetaCreateLevel, string>>): IDataObject {
	if (level === 'adSet') return { ...body, campaign_id: ids.campaign };
	if (level === 'ad') return { ...body, adset_id: ids.adSet, creative: { creative_id: ids.creative } };
	return body;
}

/** Deletes what one action created, newest first; says what could not be deleted. */
async function rollBack(ctx: IExecuteFunctions, created: Array<{ level: MetaCreateLevel; id: string }>, itemIndex: number): Promise<string[]> {
	const left: string[] = [];
	// The campaign takes its ad set and ad with it; the creative lives on the account.
	for (const object of created.filter((o) => o.level === 'campaign' || o.level === 'creative').reverse()) {
		try {
			await graphRequest(ctx, { method: 'DELETE', path: `/${object.id}`, itemIndex });
		} catch {
			left.push(`${object.level} ${object.id}`);
		}
	}
	return left;
}

async function createOne(ctx: IExecuteFunctions, entry: PlanEntry, spec: MetaCreateSpec): Promise<ChangeResult> {
	const ids: Partial<Record<MetaCreateLevel, string>> = {};
	const created: Array<{ level: MetaCreateLevel; id: string }> = [];
	for (const step of META_CREATE_STEPS) {
		try {
			const answer = await graphRequest<{ id: string }>(ctx, { method: 'POST', path: `/act_${spec.accountId}/${step.edge}`, body: linked(step.level, spec.bodies[step.level], ids), itemIndex: entry.itemIndex });
			ids[step.level] = String(answer.id);
			created.push({ level: step.level, id: String(answer.id) });
		} catch (error) {
			const left = await rollBack(ctx, created, entry.itemIndex);
			const undone = created.length === 0 ? 'nothing was created' : left.length ? `could not delete ${left.join(', ')}: delete them by hand` : `deleted what this action had created (${created.map((o) => `${o.level} ${o.id}`).join(', ')})`;
			const failure = resultError(error)!;
			return { ok: false, validateOnly: false, error: { ...failure, message: `Meta refused the ${step.level}: ${failure.message}; ${undone}` }, cause: error as Error, response: { accountId: spec.accountId, created: [], leftBehind: left } };
		}
	}
	return { ok: true, validateOnly: false, response: { accountId: spec.accountId, created: created as unknown as IDataObject[] } };
}

/** Plan: Meta checks the campaign and the creative and keeps nothing. */
async function validateOne(ctx: IExecuteFunctions, entry: PlanEntry, spec: MetaCreateSpec): Promise<ChangeResult> {
	const checked: MetaCreateLevel[] = ['campaign', 'creative'];
	try {
		for (const level of checked) {
			const edge = META_CREATE_STEPS.find((s) => s.level === level)!.edge;
			await graphRequest(ctx, { method: 'POST', path: `/act_${spec.accountId}/${edge}`, body: { ...spec.bodies[level], execution_options: ['validate_only'] }, itemIndex: entry.itemIndex });
		}
	} catch (error) {
		return { ok: false, validateOnly: true, error: resultError(error), cause: error as Error };
	}
	return { ok: true, validateOnly: true, response: { accountId: spec.accountId, validatedByMeta: checked, checkedLocally: ['adSet', 'ad'] } };
}

/** Sends (or validates) each Meta create, one action after the other; results by item. */
export async function sendMetaCreates(ctx: IExecuteFunctions, entries: PlanEntry[], validateOnly: boolean): Promise<Map<number, ChangeResult>> {
	const results = new Map<number, ChangeResult>();
	for (const entry of entries) {
		if (entry.create?.platform !== 'meta') continue;
		results.set(entry.itemIndex, validateOnly ? await validateOne(ctx, entry, entry.create) : await createOne(ctx, entry, entry.create));
	}
	return results;
}
