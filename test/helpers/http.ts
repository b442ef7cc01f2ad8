import { OutboundHttp } from '@n8n/backend-network';
import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * n8n's own outbound HTTP client (axios underneath), the one
 * httpRequestWithAuthentication uses in n8n 2.40. Using it, and not a
 * look-alike, means our options (qs, json, returnFullResponse,
 * ignoreHttpStatusErrors, FormData bodies) behave here as in a real n8n.
 * Nock intercepts it like any Node HTTP client. SSRF protection is off: tests
 * talk to fake hosts and to the local simulator.
 */
const silentLogger = { debug() {}, info() {}, warn() {}, error() {} };
const client = new (OutboundHttp as unknown as new (...args: unknown[]) => OutboundHttp)(
	undefined,
	{ enabled: false },
	silentLogger,
).requests();

export async function sendN8nRequest(options: IHttpRequestOptions): Promise<unknown> {
	return await client.request(options);
}
