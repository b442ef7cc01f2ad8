/** Token and appsecret_proof checks, answered the way Graph answers them. */
import { createHmac, timingSafeEqual } from 'crypto';
import type { IncomingHttpHeaders } from 'http';
import type { SimResponse } from '../types';
import { SIM_META_ACCESS_TOKEN, SIM_META_APP_ID, SIM_META_APP_SECRET, SIM_META_PAGE_TOKEN_PREFIX } from '../credentials';
import { metaError } from './errors';
import { str, type MetaParams } from './params';

function sameText(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Who a token speaks for: the sandbox user, the sandbox app (an app access
 * token, `<app id>|<app secret>`, the only token webhook subscriptions
 * accept), or a page (a Page token the simulator issued).
 */
export type MetaCaller = { kind: 'user' } | { kind: 'app' } | { kind: 'page'; pageId: string };

export function callerOf(token: string | undefined): MetaCaller {
	if (token !== undefined && sameText(token, `${SIM_META_APP_ID}|${SIM_META_APP_SECRET}`)) return { kind: 'app' };
	if (token?.startsWith(SIM_META_PAGE_TOKEN_PREFIX)) return { kind: 'page', pageId: token.slice(SIM_META_PAGE_TOKEN_PREFIX.length) };
	return { kind: 'user' };
}

/** The token a request carries (Bearer header, else `access_token`). */
export function requestToken(headers: IncomingHttpHeaders, params: MetaParams): string | undefined {
	const bearer = /^(Bearer|OAuth)\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[2]?.trim();
	return bearer ?? str(params, 'access_token');
}

/** Returns an error response, or undefined when the caller is authenticated. */
export function checkAuth(headers: IncomingHttpHeaders, params: MetaParams): SimResponse | undefined {
	const token = requestToken(headers, params);
	if (!token) {
		return metaError({ message: 'An access token is required to request this resource.', code: 104, status: 400 });
	}
	if (!sameText(token, SIM_META_ACCESS_TOKEN) && callerOf(token).kind === 'user') {
		return {
			...metaError({ message: 'Invalid OAuth access token - Cannot parse access token', code: 190, status: 401 }),
			headers: { 'www-authenticate': 'OAuth "Facebook Platform" "invalid_token" "Invalid OAuth access token - Cannot parse access token"' },
		};
	}
	const proof = str(params, 'appsecret_proof');
	if (proof !== undefined) {
		const expected = createHmac('sha256', SIM_META_APP_SECRET).update(token).digest('hex');
		if (!sameText(proof.toLowerCase(), expected)) {
			return metaError({ message: 'Invalid appsecret_proof provided in the API argument', type: 'GraphMethodException', code: 100 });
		}
	}
	return undefined;
}
