/**
 * Plays Meta's side of webhooks against a callback URL (an n8n webhook in
 * e2e runs, a test server in unit tests): the verification GET, and signed
 * POSTs exactly as Meta sends them (`X-Hub-Signature-256: sha256=<hex
 * HMAC-SHA256 of the raw body>`). The signature is computed here with Node's
 * crypto, independently of the trigger's own code, so tests compare two
 * implementations. Bodies given as strings are sent byte for byte (unicode,
 * whitespace), which is what a raw-body check must survive.
 */
import { createHmac } from 'crypto';

import { SIM_META_APP_SECRET } from '../credentials';

export interface MetaChange {
	field: string;
	value: Record<string, unknown>;
}

export interface MetaEntry {
	id: string;
	/** Unix seconds. */
	time: number;
	changes: MetaChange[];
}

export function metaNotification(object: 'ad_account' | 'page', entries: MetaEntry[]): { object: string; entry: MetaEntry[] } {
	return { object, entry: entries };
}

export function signMetaBody(body: string | Buffer, appSecret = SIM_META_APP_SECRET): string {
	return `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`;
}

/** How to sign: correctly (default), not at all, or with a header value given as is. */
export type SignatureMode = 'valid' | 'none' | { header: string };

export interface DeliveryAnswer {
	status: number;
	text: string;
}

export async function deliverMetaWebhook(
	url: string,
	body: unknown,
	options: { signature?: SignatureMode; appSecret?: string } = {},
): Promise<DeliveryAnswer> {
	const raw = typeof body === 'string' ? body : JSON.stringify(body);
	const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
	const mode = options.signature ?? 'valid';
	if (mode === 'valid') headers['x-hub-signature-256'] = signMetaBody(raw, options.appSecret);
	else if (mode !== 'none') headers['x-hub-signature-256'] = mode.header;
	const answer = await fetch(url, { method: 'POST', headers, body: Buffer.from(raw, 'utf8') });
	return { status: answer.status, text: await answer.text() };
}

/** Meta's verification request: GET with hub.mode, hub.verify_token and hub.challenge. */
export async function verifyMetaCallback(url: string, verifyToken: string, challenge = '1158201444', mode = 'subscribe'): Promise<DeliveryAnswer> {
	const query = new URLSearchParams({ 'hub.mode': mode, 'hub.verify_token': verifyToken, 'hub.challenge': challenge });
	const answer = await fetch(`${url}${url.includes('?') ? '&' : '?'}${query}`, { headers: { 'user-agent': 'facebookplatform/1.0' } });
	return { status: answer.status, text: await answer.text() };
}
