/**
 * Daily metrics for ads and keywords, from the shared deterministic
 * generator, computed lazily and memoized per (entity, day).
 */
import { currencyInfo } from '../dataset/currencies';
import { addDays } from '../dataset/dates';
import { addMetrics, dailyMetrics, EMPTY_METRICS, makeProfile, type DailyMetrics, type MetricProfile } from '../dataset/metrics';

export class MetricSource {
	private profiles = new Map<string, MetricProfile>();
	private days = new Map<string, DailyMetrics>();

	constructor(
		private readonly seed: number,
		private readonly firstDay: string,
		private readonly lastDay: string,
	) {}

	/** One entity's day; `key` like 'ad:123' or 'kw:456', currency of its customer. */
	day(key: string, currency: string, day: string): DailyMetrics {
		if (day < this.firstDay || day > this.lastDay) return EMPTY_METRICS;
		const memoKey = `${key}|${day}`;
		const hit = this.days.get(memoKey);
		if (hit) return hit;
		let profile = this.profiles.get(key);
		if (!profile) {
			const info = currencyInfo(currency);
			profile = makeProfile({
				seed: this.seed,
				key,
				goal: key.charCodeAt(key.length - 1) % 3 === 0 ? 'leads' : 'sales',
				minorFactor: info.minorFactor,
				eurPerUnit: info.eurPerUnit,
				firstDay: this.firstDay,
				windowEnd: this.lastDay,
			});
			// Search keywords see fewer impressions than whole ads.
			if (key.startsWith('kw:')) profile.baseImpressions = Math.max(20, Math.round(profile.baseImpressions / 4));
			this.profiles.set(key, profile);
		}
		const metrics = dailyMetrics(this.seed, key, day, profile);
		this.days.set(memoKey, metrics);
		return metrics;
	}

	/** Sum over keys and days. */
	sum(keys: string[], currency: string, days: string[]): DailyMetrics {
		const total: DailyMetrics = { ...EMPTY_METRICS };
		for (const key of keys) for (const day of days) addMetrics(total, this.day(key, currency, day));
		return total;
	}
}

export function dayList(since: string, until: string): string[] {
	const days: string[] = [];
	for (let d = since; d <= until; d = addDays(d, 1)) days.push(d);
	return days;
}

/** Google metric fields from generator totals (minor units → micros). */
export function googleMetrics(m: DailyMetrics, currency: string): Record<string, number> {
	const microsPerMinor = 1_000_000 / currencyInfo(currency).minorFactor;
	const cost = Math.round(m.spend * microsPerMinor);
	const conversions = m.pixelPurchases + m.onsitePurchases + m.pixelLeads + m.onsiteLeads;
	const value = ((m.pixelPurchaseValue + m.onsitePurchaseValue) * microsPerMinor) / 1_000_000;
	return {
		impressions: m.impressions,
		clicks: m.clicks,
		cost_micros: cost,
		conversions,
		conversions_value: Math.round(value * 100) / 100,
		all_conversions: conversions + m.landingPageViews * 0.01,
		all_conversions_value: Math.round(value * 100) / 100,
		ctr: m.impressions ? m.clicks / m.impressions : 0,
		average_cpc: m.clicks ? cost / m.clicks : 0,
		average_cpm: m.impressions ? (cost / m.impressions) * 1000 : 0,
		cost_per_conversion: conversions ? cost / conversions : 0,
		interactions: m.clicks,
	};
}

/** int64 metrics go out as strings, doubles as numbers, like Google's JSON. */
export const INT64_METRICS = new Set(['impressions', 'clicks', 'cost_micros', 'interactions']);
