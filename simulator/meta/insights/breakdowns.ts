/**
 * Breakdown dimensions and each ad's deterministic split across their values.
 * Combined breakdowns multiply the per-dimension shares.
 */
import { keyedRandom } from '../../dataset/prng';

export const BREAKDOWNS: Record<string, readonly string[]> = {
	age: ['18-24', '25-34', '35-44', '45-54', '55-64', '65+'],
	gender: ['female', 'male', 'unknown'],
	publisher_platform: ['facebook', 'instagram', 'audience_network', 'messenger'],
	device_platform: ['mobile_app', 'mobile_web', 'desktop'],
	country: [],
};

const BASE_WEIGHTS: Record<string, readonly number[]> = {
	age: [0.14, 0.28, 0.24, 0.17, 0.11, 0.06],
	gender: [0.52, 0.45, 0.03],
	publisher_platform: [0.5, 0.42, 0.05, 0.03],
	device_platform: [0.86, 0.06, 0.08],
};

export interface BreakdownCombo {
	values: Record<string, string>;
	share: number;
}

/** Every combination of the requested breakdown values with its share for this ad. */
export function breakdownCombos(seed: number, adId: string, breakdowns: readonly string[], countries: readonly string[]): BreakdownCombo[] {
	let combos: BreakdownCombo[] = [{ values: {}, share: 1 }];
	for (const dimension of breakdowns) {
		const values = dimension === 'country' ? (countries.length > 0 ? countries : ['US']) : BREAKDOWNS[dimension];
		const random = keyedRandom(seed, 'breakdown', dimension, adId);
		const weights = values.map((_, i) => (BASE_WEIGHTS[dimension]?.[i] ?? 1) * (0.6 + 0.8 * random()));
		const total = weights.reduce((a, b) => a + b, 0);
		const next: BreakdownCombo[] = [];
		for (const combo of combos) {
			values.forEach((value, i) => next.push({ values: { ...combo.values, [dimension]: value }, share: combo.share * (weights[i] / total) }));
		}
		combos = next;
	}
	return combos;
}
