/**
 * The shared metric generator. A profile (fixed per entity) plus a hash of
 * (seed, entity key, day) gives that day's numbers, so any day of any entity is
 * computed on demand: 2,000 ads × 90 days cost nothing until someone asks.
 *
 * Money is in MINOR units of the account currency (cents; yen for offset-1
 * currencies), so sums split and add without rounding drift. The Google module
 * can use the same numbers: micros = minor × (1_000_000 / minorFactor).
 */
import { between, gaussianish, keyedRandom, logBetween } from './prng';
import { daysBetween, weekday } from './dates';

export type ConversionGoal = 'sales' | 'leads' | 'traffic';

export interface MetricProfile {
	goal: ConversionGoal;
	/** Typical impressions on a weekday. */
	baseImpressions: number;
	/** Clicks per impression. */
	ctr: number;
	/** Cost per 1,000 impressions, minor units. */
	cpmMinor: number;
	/** Purchases (sales goal) or leads (leads goal) per click. */
	cvr: number;
	/** Average order value, minor units. */
	aovMinor: number;
	/** Impressions per person per day. */
	frequency: number;
	/** Linear drift of volume per day (e.g. 0.01 = +1 %/day), ages creatives. */
	trendPerDay: number;
	/** First and last day with delivery (inclusive); undefined = open. */
	firstDay: string;
	lastDay?: string;
	/** One day with a volume spike (anomaly fodder for analytics), or undefined. */
	spikeDay?: string;
}

export interface DailyMetrics {
	impressions: number;
	/** ≤ impressions. */
	reach: number;
	/** All clicks; ≥ linkClicks. */
	clicks: number;
	linkClicks: number;
	landingPageViews: number;
	/** Minor units. */
	spend: number;
	/** Web (pixel) purchases and their value. */
	pixelPurchases: number;
	pixelPurchaseValue: number;
	/** On-platform (shop) purchases and their value; omni = pixel + onsite. */
	onsitePurchases: number;
	onsitePurchaseValue: number;
	pixelLeads: number;
	onsiteLeads: number;
}

export const EMPTY_METRICS: DailyMetrics = Object.freeze({
	impressions: 0, reach: 0, clicks: 0, linkClicks: 0, landingPageViews: 0, spend: 0,
	pixelPurchases: 0, pixelPurchaseValue: 0, onsitePurchases: 0, onsitePurchaseValue: 0, pixelLeads: 0, onsiteLeads: 0,
});

export interface ProfileInput {
	seed: number;
	/** Stable entity key, e.g. the ad id. */
	key: string;
	goal: ConversionGoal;
	/** 100 for cents currencies, 1 for offset-1 currencies such as JPY. */
	minorFactor: number;
	/** Rough value of one major unit in EUR (JPY ≈ 0.006), to keep prices sane across currencies. */
	eurPerUnit: number;
	firstDay: string;
	lastDay?: string;
	/** Last day of generated data, for placing the spike. */
	windowEnd: string;
}

export function makeProfile(input: ProfileInput): MetricProfile {
	const random = keyedRandom(input.seed, 'profile', input.key);
	const toMinor = (eur: number) => (eur / input.eurPerUnit) * input.minorFactor;
	const goal = input.goal;
	const span = Math.max(1, daysBetween(input.firstDay, input.windowEnd));
	const spike = random() < 0.06 ? Math.floor(random() * span) : -1;
	return {
		goal,
		baseImpressions: Math.round(logBetween(random, 150, 40_000)),
		ctr: between(random, 0.004, goal === 'traffic' ? 0.035 : 0.025),
		cpmMinor: toMinor(between(random, 3, 16)),
		cvr: goal === 'sales' ? between(random, 0.004, 0.05) : goal === 'leads' ? between(random, 0.03, 0.15) : between(random, 0, 0.004),
		aovMinor: toMinor(logBetween(random, 15, 180)),
		frequency: between(random, 1.05, 1.6),
		trendPerDay: between(random, -0.012, 0.008),
		firstDay: input.firstDay,
		lastDay: input.lastDay,
		spikeDay: spike >= 0 ? shiftDay(input.firstDay, spike) : undefined,
	};
}

function shiftDay(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A count with noise around an expectation; small expectations become 0/1 draws, not 0 forever. */
function noisyCount(random: () => number, expected: number, spread = 0.25): number {
	if (expected <= 0) return 0;
	if (expected < 3) {
		let n = Math.floor(expected);
		if (random() < expected - n) n++;
		return n;
	}
	return Math.max(0, Math.round(expected * (1 + spread * gaussianish(random))));
}

/** That entity's numbers for that day; zeros outside its delivery window. */
export function dailyMetrics(seed: number, key: string, day: string, profile: MetricProfile): DailyMetrics {
	if (day < profile.firstDay || (profile.lastDay !== undefined && day > profile.lastDay)) return EMPTY_METRICS;
	const random = keyedRandom(seed, 'day', key, day);
	// Some days an ad simply doesn't win auctions; Meta omits such rows.
	if (random() < 0.04) return EMPTY_METRICS;
	const age = daysBetween(profile.firstDay, day) - 1;
	const weekend = [0, 6].includes(weekday(day)) ? 1.12 : 1;
	const trend = Math.max(0.2, 1 + profile.trendPerDay * age);
	const spike = profile.spikeDay === day ? 3.5 : 1;
	const impressions = noisyCount(random, profile.baseImpressions * weekend * trend * spike, 0.18);
	if (impressions === 0) return EMPTY_METRICS;
	const clicks = Math.min(impressions, noisyCount(random, impressions * profile.ctr, 0.2));
	const linkClicks = Math.round(clicks * between(random, 0.6, 0.85));
	const landingPageViews = Math.round(linkClicks * between(random, 0.55, 0.9));
	const reach = Math.max(1, Math.min(impressions, Math.round(impressions / (profile.frequency * between(random, 0.95, 1.05)))));
	const spend = Math.max(1, Math.round((impressions / 1000) * profile.cpmMinor * between(random, 0.85, 1.15)));
	const conversionsWeekend = weekend > 1 ? 0.9 : 1;
	const conversions = noisyCount(random, linkClicks * profile.cvr * conversionsWeekend, 0.3);
	const metrics: DailyMetrics = { ...EMPTY_METRICS, impressions, reach, clicks, linkClicks, landingPageViews, spend };
	if (profile.goal === 'leads') {
		metrics.pixelLeads = Math.round(conversions * 0.35);
		metrics.onsiteLeads = conversions - metrics.pixelLeads;
	} else {
		// Every goal sells a little; sales campaigns sell a lot.
		const onsite = Math.round(conversions * 0.12);
		metrics.pixelPurchases = conversions - onsite;
		metrics.onsitePurchases = onsite;
		const orderValue = () => Math.round(profile.aovMinor * between(random, 0.7, 1.3));
		metrics.pixelPurchaseValue = metrics.pixelPurchases * orderValue();
		metrics.onsitePurchaseValue = metrics.onsitePurchases * orderValue();
		metrics.pixelLeads = noisyCount(random, linkClicks * 0.002);
	}
	return metrics;
}

/** Element-wise sum; `reach` is summed here and deduplicated by the caller if it needs to. */
export function addMetrics(into: DailyMetrics, more: DailyMetrics): DailyMetrics {
	into.impressions += more.impressions;
	into.reach += more.reach;
	into.clicks += more.clicks;
	into.linkClicks += more.linkClicks;
	into.landingPageViews += more.landingPageViews;
	into.spend += more.spend;
	into.pixelPurchases += more.pixelPurchases;
	into.pixelPurchaseValue += more.pixelPurchaseValue;
	into.onsitePurchases += more.onsitePurchases;
	into.onsitePurchaseValue += more.onsitePurchaseValue;
	into.pixelLeads += more.pixelLeads;
	into.onsiteLeads += more.onsiteLeads;
	return into;
}

export function isEmptyMetrics(m: DailyMetrics): boolean {
	return m.impressions === 0 && m.spend === 0;
}

/**
 * Splits an integer total into buckets proportional to `shares` (largest
 * remainder), so broken-down rows always add up to the unbroken total.
 */
export function splitInteger(total: number, shares: readonly number[]): number[] {
	const sum = shares.reduce((a, b) => a + b, 0) || 1;
	const exact = shares.map((s) => (total * s) / sum);
	const parts = exact.map(Math.floor);
	let rest = total - parts.reduce((a, b) => a + b, 0);
	const order = exact.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (let k = 0; rest > 0 && k < order.length; k++, rest--) parts[order[k][1]]++;
	return parts;
}
