/**
 * Cursor paging in Graph's shape: `{data, paging:{cursors:{before,after}, next, previous}}`.
 * Cursors are opaque base64 of a position; `next` is an absolute URL back to
 * the simulator with every original query parameter and the new `after`.
 */
export interface PageRequest {
	limit: number;
	after?: string;
	before?: string;
}

export function encodeCursor(position: number): string {
	return Buffer.from(`sim:${position}`).toString('base64url');
}

export function decodeCursor(cursor: string): number | undefined {
	const text = Buffer.from(cursor, 'base64url').toString('utf8');
	const match = /^sim:(\d+)$/.exec(text);
	return match ? Number(match[1]) : undefined;
}

export interface PageResult<T> {
	data: T[];
	paging?: { cursors: { before: string; after: string }; next?: string; previous?: string };
}

/**
 * One page of `items`. `selfUrl` is the request's absolute URL (used to build
 * next/previous). Returns undefined when a cursor is malformed.
 */
export function pageOf<T>(items: readonly T[], page: PageRequest, selfUrl: URL): PageResult<T> | undefined {
	let start = 0;
	if (page.after !== undefined) {
		const at = decodeCursor(page.after);
		if (at === undefined) return undefined;
		start = at + 1;
	} else if (page.before !== undefined) {
		const at = decodeCursor(page.before);
		if (at === undefined) return undefined;
		start = Math.max(0, at - page.limit);
	}
	const data = items.slice(start, start + page.limit);
	if (data.length === 0) return { data: [] };
	const first = start;
	const last = start + data.length - 1;
	const result: PageResult<T> = { data, paging: { cursors: { before: encodeCursor(first), after: encodeCursor(last) } } };
	if (last + 1 < items.length) result.paging!.next = withCursor(selfUrl, 'after', encodeCursor(last));
	if (first > 0) result.paging!.previous = withCursor(selfUrl, 'before', encodeCursor(first));
	return result;
}

function withCursor(selfUrl: URL, key: 'after' | 'before', cursor: string): string {
	const url = new URL(selfUrl.toString());
	url.searchParams.delete('after');
	url.searchParams.delete('before');
	url.searchParams.set(key, cursor);
	return url.toString();
}
