import type { IDataObject } from 'n8n-workflow';

export interface TargetingHelper {
	/** Comma- or space-separated ISO country codes, e.g. "US, DE". */
	countries?: string;
	ageMin?: number;
	ageMax?: number;
}

/** Makes the error for bad input; the message already names the field and the item. */
export type Fail = (message: string) => Error;

const plainError: Fail = (message) => new Error(message);

/**
 * Merges the simple fields into the targeting JSON: countries go into
 * `geo_locations.countries` (other geo keys kept), ages set `age_min`/`age_max`.
 * Meta refuses an ad set without `geo_locations`, so that is checked here.
 */
export function buildTargeting(json: unknown, helper: TargetingHelper, itemIndex: number, fail: Fail = plainError): IDataObject {
	if (json !== undefined && (typeof json !== 'object' || json === null || Array.isArray(json))) {
		throw fail(`Targeting (JSON) on item ${itemIndex} must be a JSON object`);
	}
	const targeting: IDataObject = { ...((json as IDataObject | undefined) ?? {}) };

	const codes = (helper.countries ?? '').split(/[\s,;]+/).map((code) => code.trim().toUpperCase()).filter(Boolean);
	const bad = codes.filter((code) => !/^[A-Z]{2}$/.test(code));
	if (bad.length) {
		throw fail(`Countries on item ${itemIndex} must be two-letter country codes, got ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
	}
	if (codes.length) {
		const geo = (typeof targeting.geo_locations === 'object' && targeting.geo_locations !== null ? targeting.geo_locations : {}) as IDataObject;
		targeting.geo_locations = { ...geo, countries: [...new Set(codes)] };
	}

	for (const [key, value] of [['age_min', helper.ageMin], ['age_max', helper.ageMax]] as const) {
		if (value === undefined || (value as unknown) === '') continue;
		const age = Number(value);
		if (!Number.isInteger(age) || age < 13 || age > 65) {
			throw fail(`${key === 'age_min' ? 'Minimum Age' : 'Maximum Age'} on item ${itemIndex} must be a whole number from 13 to 65, got ${JSON.stringify(value)}`);
		}
		targeting[key] = age;
	}
	if (typeof targeting.age_min === 'number' && typeof targeting.age_max === 'number' && targeting.age_min > targeting.age_max) {
		throw fail(`Minimum Age (${targeting.age_min}) is above Maximum Age (${targeting.age_max}) on item ${itemIndex}`);
	}
	if (typeof targeting.geo_locations !== 'object' || targeting.geo_locations === null) {
		throw fail(
			`Targeting on item ${itemIndex} needs a location: fill Countries or add "geo_locations" to Targeting (JSON)`,
		);
	}
	return targeting;
}
