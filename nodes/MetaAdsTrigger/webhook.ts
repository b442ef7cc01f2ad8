/**
 * What the trigger answers Meta. GET is the verification handshake; POST is a
 * notification, checked against its signature before anything else happens.
 * Every refusal is written straight to the response, so no execution starts.
 */
import { timingSafeEqual } from 'crypto';
import { NodeOperationError, type IDataObject, type IHookFunctions, type IWebhookFunctions, type IWebhookResponseData } from 'n8n-workflow';

import { AD_ACCOUNT_FIELDS, PAGE_FIELDS } from './fields';
import { DEFAULT_DEDUPE_HOURS } from './description';
import { dropDuplicates } from './dedupe';
import { parseDelivery, WebhookPayloadError } from './events';
import { currencyLookup, reReadEvent } from './reread';
import { verifySignature } from './signature';

function reply(ctx: IWebhookFunctions, status: number, text: string): IWebhookResponseData {
	const res = ctx.getResponseObject();
	res.status(status).type('text/plain').send(text);
	return { noWebhookResponse: true };
}

function sameSecret(given: string, expected: string): boolean {
	const left = Buffer.from(given);
	const right = Buffer.from(expected);
	return left.length === right.length && timingSafeEqual(left, right);
}

/** GET: `hub.mode=subscribe` with our verify token → the challenge as plain text; anything else 403. */
export function answerHandshake(ctx: IWebhookFunctions): IWebhookResponseData {
	const query = ctx.getQueryData() as IDataObject;
	const expected = String(ctx.getNodeParameter('verifyToken', ''));
	const given = String(query['hub.verify_token'] ?? '');
	const challenge = query['hub.challenge'];
	if (query['hub.mode'] === 'subscribe' && expected !== '' && sameSecret(given, expected) && typeof challenge === 'string') {
		return reply(ctx, 200, challenge);
	}
	return reply(ctx, 403, 'Forbidden');
}

/** The fields this node emits: the chosen ad account fields, or leadgen on a page. */
export function selectedFields(ctx: IWebhookFunctions | IHookFunctions): string[] {
	if (ctx.getNodeParameter('object') === 'page') return PAGE_FIELDS.map((f) => f.name);
	const chosen = ctx.getNodeParameter('fields', []) as string[];
	return chosen.filter((name) => AD_ACCOUNT_FIELDS.some((f) => f.name === name));
}

/** POST: verify, parse, drop duplicates, re-read, emit one item per change. */
export async function receiveNotification(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const credentials = await ctx.getCredentials('adPilotMetaAdsApi');
	const appSecret = String(credentials.appSecret ?? '');
	if (appSecret === '') {
		// Without the secret nothing can be verified; refusing is the only safe answer.
		return reply(ctx, 401, 'Signature cannot be verified: the AdPilot Meta credential has no App Secret');
	}
	const request = ctx.getRequestObject();
	const rawBody = (request as unknown as { rawBody?: Buffer }).rawBody;
	if (!Buffer.isBuffer(rawBody)) return reply(ctx, 401, 'Signature cannot be verified: no raw body');
	const verdict = verifySignature(rawBody, ctx.getHeaderData()['x-hub-signature-256'] as string | undefined, appSecret);
	if (!verdict.valid) return reply(ctx, 401, verdict.reason === 'missing' ? 'Missing X-Hub-Signature-256' : 'Invalid X-Hub-Signature-256');

	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return reply(ctx, 400, 'The body is not JSON');
	}
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	let parsed;
	try {
		parsed = parseDelivery(body, { fields: new Set(selectedFields(ctx)), includeUnknownFields: options.includeUnknownFields === true });
	} catch (error) {
		if (error instanceof WebhookPayloadError) return reply(ctx, 400, `Not a Meta notification: ${error.message}`);
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
	const hours = typeof options.dedupeHours === 'number' ? options.dedupeHours : DEFAULT_DEDUPE_HOURS;
	const { fresh } = hours > 0 ? dropDuplicates(ctx.getWorkflowStaticData('node'), parsed.events, Date.now(), hours * 3_600_000) : { fresh: parsed.events };
	// Meta needs a 200 for what we ignored too, or it retries.
	if (fresh.length === 0) return reply(ctx, 200, 'EVENT_RECEIVED');

	const reRead = ctx.getNodeParameter('reRead', true) as boolean;
	const currency = currencyLookup(ctx);
	const items: IDataObject[] = [];
	for (const event of fresh) items.push(reRead ? await reReadEvent(ctx, event, currency) : event);
	// Answered here, not with `webhookResponse`: n8n then saves the duplicate window before it starts the
	// run. With `webhookResponse` n8n 2.40 starts the run first, which resets the "changed" flag of the
	// static data it shares with this call, and then skips the save. README, Running at scale.
	reply(ctx, 200, 'EVENT_RECEIVED');
	return { noWebhookResponse: true, workflowData: [ctx.helpers.returnJsonArray(items)] };
}
