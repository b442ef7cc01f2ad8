/**
 * Graph parameters: query string, urlencoded or JSON body, or multipart
 * fields, merged into one bag. Values that Meta takes as JSON (fields lists,
 * targeting, time_range…) may arrive as JSON strings or as real JSON.
 */
import type { IncomingHttpHeaders } from 'http';
import { multipartBoundary, parseMultipart, type MultipartPart } from './multipart';

export interface MetaParams {
	values: Record<string, unknown>;
	files: MultipartPart[];
}

export function parseParams(query: URLSearchParams, headers: IncomingHttpHeaders, body: Buffer): MetaParams {
	const values: Record<string, unknown> = {};
	for (const [key, value] of query) values[key] = value;
	const files: MultipartPart[] = [];
	if (body.length === 0) return { values, files };
	const contentType = String(headers['content-type'] ?? '');
	const boundary = multipartBoundary(contentType);
	if (boundary) {
		for (const part of parseMultipart(body, boundary)) {
			if (part.filename !== undefined) files.push(part);
			else values[part.name] = part.data.toString('utf8');
		}
	} else if (contentType.includes('application/json')) {
		const parsed: unknown = JSON.parse(body.toString('utf8'));
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) Object.assign(values, parsed);
	} else {
		for (const [key, value] of new URLSearchParams(body.toString('utf8'))) values[key] = value;
	}
	return { values, files };
}

export function str(params: MetaParams, name: string): string | undefined {
	const value = params.values[name];
	if (value === undefined || value === null) return undefined;
	return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A JSON-valued parameter; throws on malformed JSON so callers can answer (#100). */
export function jsonParam(params: MetaParams, name: string): unknown {
	const value = params.values[name];
	if (typeof value !== 'string') return value;
	const trimmed = value.trim();
	if (trimmed === '') return undefined;
	if (!/^[[{"]/.test(trimmed) && !/^(true|false|null|-?\d)/.test(trimmed)) return trimmed;
	return JSON.parse(trimmed);
}

/** A list given as JSON array or comma-separated text. */
export function listParam(params: MetaParams, name: string): string[] | undefined {
	const value = params.values[name];
	if (value === undefined || value === null || value === '') return undefined;
	if (Array.isArray(value)) return value.map(String);
	const text = String(value).trim();
	if (text.startsWith('[')) return (JSON.parse(text) as unknown[]).map(String);
	return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}
