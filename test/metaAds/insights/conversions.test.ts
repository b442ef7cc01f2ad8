import {
	ConversionCounter,
	conversionSelection,
	LEAD_ACTION_TYPES,
	parseActionTypes,
	SALES_ACTION_TYPES,
} from '../../../nodes/MetaAds/actions/insights/conversions';
import type { MetaActionStat } from '../../../nodes/MetaAds/actions/insights/types';

const stat = (action_type: string, value: string, extra: Record<string, string> = {}): MetaActionStat => ({ action_type, value, ...extra });

// A typical e-commerce row: 5 pixel + 2 onsite purchases, reported again as aggregates.
const purchaseActions = [
	stat('link_click', '120'),
	stat('offsite_conversion.fb_pixel_purchase', '5'),
	stat('onsite_conversion.purchase', '2'),
	stat('purchase', '7'),
	stat('omni_purchase', '7'),
];

describe('ConversionCounter', () => {
	it('sums the sales components and ignores unlisted aggregates', () => {
		expect(new ConversionCounter(SALES_ACTION_TYPES).sum(purchaseActions)).toBe(7);
	});

	it('never adds an aggregate on top of its listed components (aggregate wins when reported)', () => {
		const counter = new ConversionCounter(['offsite_conversion.fb_pixel_purchase', 'onsite_conversion.purchase', 'purchase']);
		expect(counter.sum(purchaseActions)).toBe(7);
	});

	it('falls back to the components when the row does not report the listed aggregate', () => {
		const counter = new ConversionCounter(['purchase', 'offsite_conversion.fb_pixel_purchase', 'onsite_conversion.purchase']);
		expect(counter.sum([stat('offsite_conversion.fb_pixel_purchase', '3'), stat('onsite_conversion.purchase', '1')])).toBe(4);
	});

	it('never adds two aggregates of one family; the first listed one is used', () => {
		const counter = new ConversionCounter(['omni_purchase', 'purchase']);
		expect(counter.sum([stat('purchase', '6'), stat('omni_purchase', '9')])).toBe(9);
		const reversed = new ConversionCounter(['purchase', 'omni_purchase']);
		expect(reversed.sum([stat('purchase', '6'), stat('omni_purchase', '9')])).toBe(6);
	});

	it('takes the aggregate only in the default lead list', () => {
		const counter = new ConversionCounter(LEAD_ACTION_TYPES);
		const actions = [stat('offsite_conversion.fb_pixel_lead', '4'), stat('onsite_conversion.lead_grouped', '6'), stat('lead', '10')];
		expect(counter.sum(actions)).toBe(10);
		expect(counter.sum(actions.slice(0, 2))).toBe(10);
		expect(counter.sum([stat('offsite_conversion.fb_pixel_lead', '4')])).toBe(4);
	});

	it('sums types outside every family as they are, next to families', () => {
		const counter = new ConversionCounter(['my_custom_event', 'offsite_conversion.fb_pixel_purchase']);
		expect(counter.sum([stat('my_custom_event', '2.5'), stat('offsite_conversion.fb_pixel_purchase', '1')])).toBe(3.5);
	});

	it('reads an attribution window key when asked, 0 where the window is missing', () => {
		const counter = new ConversionCounter(SALES_ACTION_TYPES, '7d_click');
		expect(
			counter.sum([
				stat('offsite_conversion.fb_pixel_purchase', '5', { '7d_click': '4', '1d_view': '1' }),
				stat('onsite_conversion.purchase', '2'),
			]),
		).toBe(4);
	});

	it('returns 0 for missing arrays, empty lists and non-numeric values', () => {
		expect(new ConversionCounter(SALES_ACTION_TYPES).sum(undefined)).toBe(0);
		expect(new ConversionCounter([]).sum(purchaseActions)).toBe(0);
		expect(new ConversionCounter(SALES_ACTION_TYPES).sum([stat('onsite_conversion.purchase', 'n/a')])).toBe(0);
	});

	it('keeps no state between rows', () => {
		const counter = new ConversionCounter(['purchase', 'offsite_conversion.fb_pixel_purchase']);
		expect(counter.sum([stat('purchase', '9')])).toBe(9);
		expect(counter.sum([stat('offsite_conversion.fb_pixel_purchase', '2')])).toBe(2);
	});
});

describe('conversionSelection', () => {
	const leadActions = [stat('lead', '3'), stat('offsite_conversion.fb_pixel_purchase', '1')];

	it('Auto picks leads for lead objectives and purchases otherwise', () => {
		const selection = conversionSelection('auto', []);
		expect(selection.needsObjective).toBe(true);
		expect(selection.forObjective('OUTCOME_LEADS').sum(leadActions)).toBe(3);
		expect(selection.forObjective('OUTCOME_SALES').sum(leadActions)).toBe(1);
		expect(selection.forObjective(undefined).sum(leadActions)).toBe(1);
	});

	it('Sales, Leads and Custom use one fixed list', () => {
		expect(conversionSelection('sales', []).forObjective('OUTCOME_LEADS').sum(leadActions)).toBe(1);
		expect(conversionSelection('leads', []).forObjective('OUTCOME_SALES').sum(leadActions)).toBe(3);
		const custom = conversionSelection('custom', ['lead', 'offsite_conversion.fb_pixel_purchase']);
		expect(custom.needsObjective).toBe(false);
		expect(custom.forObjective(undefined).sum(leadActions)).toBe(4);
	});
});

describe('parseActionTypes', () => {
	it('splits on commas, spaces and newlines and drops blanks and repeats', () => {
		expect(parseActionTypes(' lead,\nlead , purchase,,')).toEqual(['lead', 'purchase']);
		expect(parseActionTypes('')).toEqual([]);
	});
});
