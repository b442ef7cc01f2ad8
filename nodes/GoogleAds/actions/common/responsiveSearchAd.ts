import type { IDataObject } from 'n8n-workflow';

/** Google's limits for responsive search ads. */
export const RSA_LIMITS = {
	headlines: { min: 3, max: 15, maxChars: 30 },
	descriptions: { min: 2, max: 4, maxChars: 90 },
	pathChars: 15,
} as const;

const HEADLINE_PINS = ['HEADLINE_1', 'HEADLINE_2', 'HEADLINE_3'];
const DESCRIPTION_PINS = ['DESCRIPTION_1', 'DESCRIPTION_2'];

export interface AdTextAsset {
	text: string;
	pinnedField?: string;
}

export interface ResponsiveSearchAdSpec {
	finalUrls: string[];
	headlines: AdTextAsset[];
	descriptions: AdTextAsset[];
	path1?: string;
	path2?: string;
}

/** Characters as a person counts them (code points), not UTF-16 units. */
export function charCount(text: string): number {
	return [...text].length;
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function at(prefix: string, field: string): string {
	return prefix ? `${prefix}.${field}` : field;
}

function readAssets(
	raw: unknown,
	path: string,
	limits: { min: number; max: number; maxChars: number },
	pins: string[],
	problems: string[],
): AdTextAsset[] {
	if (!Array.isArray(raw)) {
		problems.push(`${path}: expected a list of ${limits.min}–${limits.max} texts`);
		return [];
	}
	if (raw.length < limits.min || raw.length > limits.max) {
		problems.push(`${path}: ${raw.length} given, need ${limits.min}–${limits.max}`);
	}
	const seen = new Map<string, number>();
	const assets: AdTextAsset[] = [];
	raw.forEach((entry, index) => {
		const here = `${path}[${index}]`;
		const text = typeof entry === 'string' ? entry : isRecord(entry) ? entry.text : undefined;
		if (typeof text !== 'string' || text.trim() === '') {
			problems.push(`${here}: expected non-empty text`);
			return;
		}
		const length = charCount(text);
		if (length > limits.maxChars) problems.push(`${here}: ${length} characters, max ${limits.maxChars} ("${text}")`);
		const key = text.trim().toLowerCase();
		if (seen.has(key)) problems.push(`${here}: duplicates ${path}[${seen.get(key)}] ("${text}")`);
		else seen.set(key, index);
		const asset: AdTextAsset = { text };
		const pin = isRecord(entry) ? (entry.pinnedField ?? entry.pin) : undefined;
		if (pin !== undefined && pin !== null && pin !== '') {
			if (typeof pin !== 'string' || !pins.includes(pin)) problems.push(`${here}.pinnedField: expected one of ${pins.join(', ')}`);
			else asset.pinnedField = pin;
		}
		assets.push(asset);
	});
	return assets;
}

function readPath(raw: unknown, path: string, problems: string[]): string | undefined {
	if (raw === undefined || raw === null || raw === '') return undefined;
	if (typeof raw !== 'string') {
		problems.push(`${path}: expected text`);
		return undefined;
	}
	const length = charCount(raw);
	if (length > RSA_LIMITS.pathChars) problems.push(`${path}: ${length} characters, max ${RSA_LIMITS.pathChars} ("${raw}")`);
	return raw;
}

function readFinalUrls(input: Record<string, unknown>, prefix: string, problems: string[]): string[] {
	const raw = input.finalUrls ?? input.finalUrl;
	const field = at(prefix, input.finalUrls !== undefined ? 'finalUrls' : 'finalUrl');
	const list = Array.isArray(raw) ? raw : raw === undefined || raw === null || raw === '' ? [] : [raw];
	if (list.length === 0) problems.push(`${field}: required`);
	list.forEach((url, index) => {
		const here = Array.isArray(raw) ? `${field}[${index}]` : field;
		let ok = false;
		try {
			const parsed = new URL(String(url));
			ok = parsed.protocol === 'https:' || parsed.protocol === 'http:';
		} catch {
			ok = false;
		}
		if (!ok) problems.push(`${here}: expected an http(s) URL, got ${JSON.stringify(url)}`);
	});
	return list.map(String);
}

/**
 * Checks an RSA before anything is sent. Problems carry their path under
 * `prefix`, e.g. `adGroups[0].ads[0].headlines[3]: 34 characters, max 30`.
 */
export function validateResponsiveSearchAd(
	input: unknown,
	prefix = '',
): { ad?: ResponsiveSearchAdSpec; problems: string[] } {
	const problems: string[] = [];
	if (!isRecord(input)) return { problems: [`${prefix || 'ad'}: expected an object`] };
	const ad: ResponsiveSearchAdSpec = {
		finalUrls: readFinalUrls(input, prefix, problems),
		headlines: readAssets(input.headlines, at(prefix, 'headlines'), RSA_LIMITS.headlines, HEADLINE_PINS, problems),
		descriptions: readAssets(input.descriptions, at(prefix, 'descriptions'), RSA_LIMITS.descriptions, DESCRIPTION_PINS, problems),
	};
	const path1 = readPath(input.path1, at(prefix, 'path1'), problems);
	const path2 = readPath(input.path2, at(prefix, 'path2'), problems);
	if (path2 !== undefined && path1 === undefined) problems.push(`${at(prefix, 'path2')}: needs path1`);
	if (path1 !== undefined) ad.path1 = path1;
	if (path2 !== undefined) ad.path2 = path2;
	return problems.length ? { problems } : { ad, problems };
}

/** The `ad_group_ad` create body (status PAUSED: nothing AdPilot creates runs until enabled). */
export function responsiveSearchAdCreate(adGroupResourceName: string, ad: ResponsiveSearchAdSpec, resourceName?: string): IDataObject {
	const responsiveSearchAd: IDataObject = {
		headlines: ad.headlines.map((h) => ({ ...h })),
		descriptions: ad.descriptions.map((d) => ({ ...d })),
	};
	if (ad.path1 !== undefined) responsiveSearchAd.path1 = ad.path1;
	if (ad.path2 !== undefined) responsiveSearchAd.path2 = ad.path2;
	return {
		...(resourceName ? { resourceName } : {}),
		adGroup: adGroupResourceName,
		status: 'PAUSED',
		ad: { finalUrls: [...ad.finalUrls], responsiveSearchAd },
	};
}
