/**
 * Which action types count as conversions, and how to sum them without
 * double counting.
 *
 * Meta reports the same purchase several times: once per channel
 * (`offsite_conversion.fb_pixel_purchase`, `onsite_conversion.purchase`, ...)
 * and again in aggregates (`purchase`, `omni_purchase`) that already include
 * those channels. The rule, applied per row and per family:
 *
 *   1. If the list holds an aggregate of the family and the row reports it,
 *      count that aggregate only (the first one in list order; two aggregates
 *      are never added together).
 *   2. Otherwise count the sum of the family's listed components.
 *   3. Types outside every family are summed as they are.
 *
 * So "lead + fb_pixel_lead + lead_grouped" counts `lead` when Meta sends it
 * and falls back to the components when it does not. `action_values` follow
 * the same rule on their own array.
 */
import type { MetaActionStat } from './types';

interface Family {
	aggregates: string[];
	components: string[];
}

const FAMILIES: Family[] = [
	{
		aggregates: ['omni_purchase', 'purchase'],
		components: [
			'offsite_conversion.fb_pixel_purchase',
			'onsite_conversion.purchase',
			'onsite_web_purchase',
			'onsite_web_app_purchase',
			'web_in_store_purchase',
			'app_custom_event.fb_mobile_purchase',
			'offline_conversion.purchase',
		],
	},
	{
		aggregates: ['omni_lead', 'lead'],
		components: ['offsite_conversion.fb_pixel_lead', 'onsite_conversion.lead_grouped', 'onsite_web_lead', 'offline_conversion.lead'],
	},
	{
		aggregates: ['omni_complete_registration', 'complete_registration'],
		components: ['offsite_conversion.fb_pixel_complete_registration', 'app_custom_event.fb_mobile_complete_registration'],
	},
	{
		aggregates: ['omni_add_to_cart', 'add_to_cart'],
		components: ['offsite_conversion.fb_pixel_add_to_cart', 'onsite_web_add_to_cart', 'app_custom_event.fb_mobile_add_to_cart'],
	},
	{
		aggregates: ['omni_initiated_checkout', 'initiate_checkout'],
		components: ['offsite_conversion.fb_pixel_initiate_checkout', 'onsite_web_initiate_checkout', 'app_custom_event.fb_mobile_initiated_checkout'],
	},
];

export type ConversionPreset = 'auto' | 'sales' | 'leads' | 'custom';

export const SALES_ACTION_TYPES = ['offsite_conversion.fb_pixel_purchase', 'onsite_conversion.purchase'];
export const LEAD_ACTION_TYPES = ['offsite_conversion.fb_pixel_lead', 'onsite_conversion.lead_grouped', 'lead'];

/** Campaign objectives whose conversions are leads; every other objective counts purchases. */
const LEAD_OBJECTIVES = new Set(['OUTCOME_LEADS', 'LEAD_GENERATION']);

export function isLeadObjective(objective: unknown): boolean {
	return typeof objective === 'string' && LEAD_OBJECTIVES.has(objective);
}

/** Splits a comma / newline separated list of action types, dropping blanks and repeats. */
export function parseActionTypes(input: string): string[] {
	const seen = new Set<string>();
	for (const part of input.split(/[\s,]+/)) if (part !== '') seen.add(part);
	return [...seen];
}

/** What one configured type contributes: alone, as a family component, or as an aggregate of some rank. */
const SOLO = -1;
const COMPONENT = -2;
interface Slot {
	family: number;
	/** SOLO, COMPONENT, or the aggregate's rank in the list (0 = preferred). */
	role: number;
}

/**
 * Sums a row's action stats over a fixed list of types. Built once per
 * query; `sum` is a single pass over the row's array with a Map lookup per
 * entry, since it runs for every one of possibly 100k+ rows.
 */
export class ConversionCounter {
	readonly actionTypes: readonly string[];
	private readonly slots = new Map<string, Slot>();
	private readonly familyCount: number;
	private readonly aggregate: Float64Array;
	private readonly aggregateRank: Float64Array;
	private readonly components: Float64Array;

	/** @param windowKey which number of each stat to read: `value`, or an attribution window such as `7d_click`. */
	constructor(
		actionTypes: readonly string[],
		private readonly windowKey = 'value',
	) {
		this.actionTypes = actionTypes;
		const familyIndex = new Map<number, number>();
		const ranks = new Map<number, number>();
		for (const type of actionTypes) {
			if (this.slots.has(type)) continue;
			const f = FAMILIES.findIndex((family) => family.aggregates.includes(type) || family.components.includes(type));
			if (f === -1) {
				this.slots.set(type, { family: -1, role: SOLO });
				continue;
			}
			if (!familyIndex.has(f)) familyIndex.set(f, familyIndex.size);
			const local = familyIndex.get(f)!;
			if (FAMILIES[f].aggregates.includes(type)) {
				const rank = ranks.get(local) ?? 0;
				ranks.set(local, rank + 1);
				this.slots.set(type, { family: local, role: rank });
			} else {
				this.slots.set(type, { family: local, role: COMPONENT });
			}
		}
		this.familyCount = familyIndex.size;
		this.aggregate = new Float64Array(this.familyCount);
		this.aggregateRank = new Float64Array(this.familyCount);
		this.components = new Float64Array(this.familyCount);
	}

	/** Total of the configured types in one `actions` or `action_values` array (0 when absent). */
	sum(stats: readonly MetaActionStat[] | undefined): number {
		if (!stats || stats.length === 0 || this.slots.size === 0) return 0;
		const families = this.familyCount;
		this.aggregateRank.fill(Infinity);
		this.components.fill(0);
		let total = 0;
		for (let i = 0; i < stats.length; i++) {
			const stat = stats[i];
			const slot = this.slots.get(stat.action_type);
			if (slot === undefined) continue;
			const amount = toNumber(stat[this.windowKey]);
			if (slot.role === SOLO) total += amount;
			else if (slot.role === COMPONENT) this.components[slot.family] += amount;
			else if (slot.role < this.aggregateRank[slot.family]) {
				this.aggregateRank[slot.family] = slot.role;
				this.aggregate[slot.family] = amount;
			}
		}
		for (let f = 0; f < families; f++) {
			total += this.aggregateRank[f] !== Infinity ? this.aggregate[f] : this.components[f];
		}
		return total;
	}
}

function toNumber(raw: string | undefined): number {
	if (raw === undefined) return 0;
	const n = Number(raw);
	return Number.isFinite(n) ? n : 0;
}

/** The counters a query needs: one list, or (Auto) sales and leads chosen per row by objective. */
export interface ConversionSelection {
	/** Counter to use for a row whose campaign objective is `objective` (undefined at account level). */
	forObjective(objective: unknown): ConversionCounter;
	/** True when rows must carry the campaign `objective` field. */
	needsObjective: boolean;
}

export function conversionSelection(preset: ConversionPreset, customTypes: string[], windowKey = 'value'): ConversionSelection {
	if (preset === 'auto') {
		const sales = new ConversionCounter(SALES_ACTION_TYPES, windowKey);
		const leads = new ConversionCounter(LEAD_ACTION_TYPES, windowKey);
		return { forObjective: (o) => (isLeadObjective(o) ? leads : sales), needsObjective: true };
	}
	const types = preset === 'sales' ? SALES_ACTION_TYPES : preset === 'leads' ? LEAD_ACTION_TYPES : customTypes;
	const counter = new ConversionCounter(types, windowKey);
	return { forObjective: () => counter, needsObjective: false };
}
