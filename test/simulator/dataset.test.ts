import fc from 'fast-check';
import { buildTree, dailyMetrics, splitInteger, addDays } from '../../simulator/dataset';

const SETTINGS = { seed: 7, days: 30, today: '2026-11-20', accounts: 3, campaignsPerAccount: 2, adSetsPerCampaign: 2, adsPerAdSet: 2 };

describe('seeded dataset', () => {
	it('builds the same tree for the same seed and a different one for another seed', () => {
		const a = buildTree(SETTINGS);
		const b = buildTree(SETTINGS);
		const c = buildTree({ ...SETTINGS, seed: 8 });
		expect(a.ads.map((ad) => [ad.id, ad.name])).toEqual(b.ads.map((ad) => [ad.id, ad.name]));
		expect(c.ads.map((ad) => ad.name)).not.toEqual(a.ads.map((ad) => ad.name));
		expect(a.ads).toHaveLength(3 * 2 * 2 * 2);
		expect(a.accounts.map((x) => x.currency.code)).toEqual(['EUR', 'USD', 'JPY']);
	});

	it('keeps daily metrics realistic for every ad and day', () => {
		const tree = buildTree({ ...SETTINGS, adsPerAdSet: 5 });
		let delivered = 0;
		for (const ad of tree.ads) {
			for (let day = tree.firstDay; day <= tree.lastDay; day = addDays(day, 1)) {
				const m = dailyMetrics(SETTINGS.seed, ad.id, day, ad.profile);
				expect(m.clicks).toBeLessThanOrEqual(m.impressions);
				expect(m.linkClicks).toBeLessThanOrEqual(m.clicks);
				expect(m.reach).toBeLessThanOrEqual(m.impressions);
				expect(m.pixelPurchases + m.onsitePurchases).toBeLessThanOrEqual(m.linkClicks + 3);
				if (m.impressions > 0) delivered++;
				expect(dailyMetrics(SETTINGS.seed, ad.id, day, ad.profile)).toEqual(m);
			}
		}
		expect(delivered).toBeGreaterThan(0);
	});

	it('generates thousands of ads cheaply', () => {
		const started = Date.now();
		const tree = buildTree({ ...SETTINGS, accounts: 2, campaignsPerAccount: 10, adSetsPerCampaign: 10, adsPerAdSet: 10 });
		expect(tree.ads).toHaveLength(2000);
		expect(Date.now() - started).toBeLessThan(2000);
	});

	it('splits integers exactly', () => {
		fc.assert(
			fc.property(fc.nat(1_000_000), fc.array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }), (total, shares) => {
				const parts = splitInteger(total, shares);
				expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
				expect(parts.every((p) => Number.isInteger(p) && p >= 0)).toBe(true);
			}),
		);
	});
});
