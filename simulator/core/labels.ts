/**
 * Request-count labels such as `meta GET /insights`: the API name, the method
 * and the path without version and ids, so counts group by endpoint.
 */
const VERSION = /^v\d+(\.\d+)?$/;
// Meta numeric ids, act_ ids, Google customer ids (with or without dashes), resource-name ids like 123~456.
const ID = /^(act_)?\d[\d~-]*$/;

export function requestLabel(apiName: string, method: string, path: string): string {
	const parts = path.split('/').filter((p) => p !== '' && !VERSION.test(p));
	const kept = parts.filter((p) => !ID.test(p));
	let tail = kept.join('/');
	if (tail === '' && parts.length > 0) tail = '{id}';
	// Google style "customers/123/googleAds:search" keeps the method verb.
	return `${apiName} ${method.toUpperCase()} /${tail}`;
}
