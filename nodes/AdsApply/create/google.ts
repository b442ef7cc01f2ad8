/**
 * `create` actions on Google: a campaign from a template, through the Google
 * Ads node's own Create from Template code (validation, one atomic mutate,
 * everything PAUSED). Judged like a change: allowed accounts, the account
 * currency, the node's budget ceiling; a campaign of the same name that
 * already exists makes it a noop, so re-applying never creates twice.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildTemplateOperations, validateCampaignTemplate } from '../../GoogleAds/templates';
import { mutate, search } from '../../GoogleAds/transport';
import { makeIdempotencyKey } from '../../shared/contracts/idempotency';
import { resultError, type ChangeResult } from '../../shared/platforms/platform';
import { allowedAccountCheck, newEntry, reject } from '../engine/entry';
import type { GuardrailSettings, PlanEntry, PlanInput } from '../engine/types';

export const GOOGLE_TEMPLATE_CREATE = 'campaignFromTemplate';

interface Account {
	currency: string;
	names: Set<string>;
}

async function readAccount(ctx: IExecuteFunctions, customerId: string): Promise<Account | Error> {
	try {
		const [customer] = await search<IDataObject>(ctx, customerId, 'SELECT customer.currency_code FROM customer LIMIT 1');
		const campaigns = await search<IDataObject>(ctx, customerId, "SELECT campaign.name FROM campaign WHERE campaign.status != 'REMOVED'");
		return {
			currency: String((customer?.customer as IDataObject | undefined)?.currencyCode ?? ''),
			names: new Set(campaigns.map((row) => String((row.campaign as IDataObject).name))),
		};
	} catch (error) {
		return error as Error;
	}
}

function base(input: PlanInput, name: string): PlanEntry {
	return newEntry(input, `google:${input.action.accountId}:campaign:new:${name}`);
}

function judge(input: PlanInput, account: Account | Error, settings: GuardrailSettings): PlanEntry {
	const spec = (input.action.params as { spec?: unknown; objectType?: unknown });
	const parsed = validateCampaignTemplate(spec.spec);
	if (spec.objectType !== GOOGLE_TEMPLATE_CREATE) return { ...reject(base(input, '?'), `params.objectType: Google creates support "${GOOGLE_TEMPLATE_CREATE}", got ${JSON.stringify(spec.objectType)}`), badField: 'params.objectType' };
	if (!parsed.ok) return { ...reject(base(input, '?'), `Item ${input.itemIndex}: params.spec is not a valid campaign template: ${parsed.problems.join('; ')}`), badField: 'params.spec' };
	const template = parsed.value;
	const target: `campaign ${string}` = `campaign "${template.name}" (${makeIdempotencyKey(template as unknown as Record<string, unknown>).slice(0, 12)})`;
	const entry: PlanEntry = { ...base(input, template.name), requested: target };
	const accountCheck = allowedAccountCheck(input.action.accountId, settings);
	if (accountCheck.outcome === 'reject') return reject(entry, `account ${input.action.accountId} is not in Allowed Accounts`, accountCheck);
	if (account instanceof Error) return reject(entry, `customer ${input.action.accountId} cannot be read with this credential: ${account.message}`, accountCheck, 'accountId');
	const ready = { ...entry, currency: account.currency, guardrails: [accountCheck] };
	if (template.currency && template.currency !== account.currency) return reject(ready, `params.spec.currency is ${template.currency} but customer ${input.action.accountId} uses ${account.currency}`, undefined, 'params.spec.currency');
	if (settings.maxBudget !== null && template.budget.amount > settings.maxBudget) {
		return reject(ready, `the template budget ${template.budget.amount} ${account.currency} is above Budget Ceiling ${settings.maxBudget}`, { name: 'maxBudget', limit: settings.maxBudget, value: template.budget.amount, outcome: 'reject' });
	}
	if (account.names.has(template.name)) return { ...ready, decision: 'noop', after: target, reason: `a campaign named "${template.name}" already exists in customer ${input.action.accountId}` };
	const { mutateOperations } = buildTemplateOperations(input.action.accountId, template);
	return { ...ready, decision: 'apply', after: target, reason: `create ${target}, everything PAUSED (${mutateOperations.length} operations)`, create: { platform: 'google', customerId: input.action.accountId, operations: mutateOperations } };
}

/** Judges every Google create, reading each customer once. */
export async function judgeGoogleCreates(ctx: IExecuteFunctions, inputs: PlanInput[], settings: GuardrailSettings): Promise<PlanEntry[]> {
	const accounts = new Map<string, Account | Error>();
	for (const customerId of new Set(inputs.map((i) => i.action.accountId))) accounts.set(customerId, await readAccount(ctx, customerId));
	return inputs.map((input) => judge(input, accounts.get(input.action.accountId)!, settings));
}

/** Sends (or validates) each create as its own atomic mutate; results by item. */
export async function sendGoogleCreates(ctx: IExecuteFunctions, entries: PlanEntry[], validateOnly: boolean): Promise<Map<number, ChangeResult>> {
	const results = new Map<number, ChangeResult>();
	for (const entry of entries) {
		if (entry.create?.platform !== 'google') continue;
		try {
			const answer = await mutate(ctx, entry.create.customerId, { resource: 'googleAds', operations: entry.create.operations, validateOnly, itemIndex: entry.itemIndex });
			const names = answer.results.map((r) => (r ? Object.values(r)[0] ?? r.resourceName : null)).filter(Boolean);
			results.set(entry.itemIndex, { ok: true, validateOnly, response: { customerId: entry.create.customerId, created: names as IDataObject[] } });
		} catch (error) {
			results.set(entry.itemIndex, { ok: false, validateOnly, error: resultError(error), cause: error as Error });
		}
	}
	return results;
}
