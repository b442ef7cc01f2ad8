import type { IDataObject } from 'n8n-workflow';

import type { GoogleAdsContext } from './credentials';
import { normalizeCustomerId } from './customerId';
import { JsonArraySplitter } from './jsonArrayStream';
import { buildGoogleAdsError, googleAdsRequest, sendWithRetry, type GoogleAdsTransportOptions } from './request';

export interface SearchOptions {
	itemIndex?: number;
	/** Default true: follow every nextPageToken. */
	returnAll?: boolean;
	/** With returnAll false, stop after this many rows. */
	limit?: number;
	options?: GoogleAdsTransportOptions;
}

interface SearchPage {
	results?: IDataObject[];
	nextPageToken?: string;
}

/** GAQL through googleAds:search. Google fixes pages at 10,000 rows; we follow pageToken. */
export async function search<T = IDataObject>(
	ctx: GoogleAdsContext,
	customerId: string,
	query: string,
	opts: SearchOptions = {},
): Promise<T[]> {
	const itemIndex = opts.itemIndex ?? 0;
	const cid = normalizeCustomerId(customerId, itemIndex, ctx.getNode());
	const limit = opts.returnAll === false && opts.limit !== undefined ? Math.max(0, opts.limit) : Infinity;
	const rows: T[] = [];
	let pageToken: string | undefined;
	do {
		const page = await googleAdsRequest<SearchPage>(ctx, {
			method: 'POST',
			path: `customers/${cid}/googleAds:search`,
			body: pageToken ? { query, pageToken } : { query },
			itemIndex,
			options: opts.options,
		});
		for (const row of page.results ?? []) {
			if (rows.length >= limit) break;
			rows.push(row as T);
		}
		pageToken = page.nextPageToken || undefined;
	} while (pageToken && rows.length < limit);
	return rows;
}

export interface SearchStreamOptions {
	itemIndex?: number;
	options?: GoogleAdsTransportOptions;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Buffer | string> {
	return !!value && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/**
 * GAQL through googleAds:searchStream: one call for the whole result. Rows
 * are handed to `onRows` chunk by chunk (10,000 rows each) while the answer
 * is still arriving. Retries happen only before the first byte; a failure
 * mid-stream throws.
 */
export async function searchStream(
	ctx: GoogleAdsContext,
	customerId: string,
	query: string,
	onRows: (rows: IDataObject[]) => void | Promise<void>,
	opts: SearchStreamOptions = {},
): Promise<{ rowCount: number }> {
	const itemIndex = opts.itemIndex ?? 0;
	const cid = normalizeCustomerId(customerId, itemIndex, ctx.getNode());
	const answer = await sendWithRetry<unknown>(
		ctx,
		{ method: 'POST', path: `customers/${cid}/googleAds:searchStream`, body: { query }, itemIndex, options: opts.options },
		true,
	);
	let rowCount = 0;
	const handle = async (chunk: IDataObject) => {
		if (chunk.error) throw buildGoogleAdsError(ctx, { body: chunk }, itemIndex, 'The stream failed part way.');
		const rows = (chunk.results as IDataObject[] | undefined) ?? [];
		rowCount += rows.length;
		if (rows.length) await onRows(rows);
	};

	if (Array.isArray(answer)) {
		for (const chunk of answer as IDataObject[]) await handle(chunk);
		return { rowCount };
	}
	if (typeof answer === 'string' || Buffer.isBuffer(answer)) {
		const parsed = JSON.parse(answer.toString()) as IDataObject[] | IDataObject;
		for (const chunk of Array.isArray(parsed) ? parsed : [parsed]) await handle(chunk);
		return { rowCount };
	}
	if (!isAsyncIterable(answer)) {
		if (answer && typeof answer === 'object') await handle(answer as IDataObject);
		return { rowCount };
	}
	const splitter = new JsonArraySplitter();
	for await (const bytes of answer) {
		for (const text of splitter.push(bytes)) await handle(JSON.parse(text) as IDataObject);
	}
	if (!splitter.finished) {
		throw buildGoogleAdsError(ctx, { message: 'The searchStream answer ended before its JSON array closed' }, itemIndex);
	}
	return { rowCount };
}
