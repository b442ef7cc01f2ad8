import * as ss from 'simple-statistics';
import fc from 'fast-check';

import { normalCdf, normalQuantile, twoSidedP } from '../../nodes/AdsAnalytics/stats/normal';
import {
	meanAbsoluteDeviation,
	median,
	medianAbsoluteDeviation,
	percentileRank,
	quantileSorted,
	sortedCopy,
} from '../../nodes/AdsAnalytics/stats/robust';
import { logGamma, regularizedBeta, regularizedGamma } from '../../nodes/AdsAnalytics/stats/special';
import { chiSquareCdf, chiSquareIndependence, chiSquareSurvival } from '../../nodes/AdsAnalytics/stats/chiSquare';
import { sampleSizePerArm, twoProportionZTest } from '../../nodes/AdsAnalytics/stats/proportions';
import { studentTCdf, studentTQuantile } from '../../nodes/AdsAnalytics/stats/studentT';
import { linearRegression, meanModel, sumPrediction } from '../../nodes/AdsAnalytics/stats/regression';
import { betaPosteriors } from '../../nodes/AdsAnalytics/stats/bayes';

// `+ 0` folds -0 into 0: metrics have no signed zero, and toBe (Object.is) would tell them apart.
const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0);

describe('normal distribution', () => {
	it('matches simple-statistics cumulativeStdNormalProbability (a 4-decimal table) on its grid', () => {
		// The table stops at 3.09 (it clamps beyond), so compare on its range.
		for (let z = -3.09; z <= 3.09; z += 0.01) {
			const zr = Math.round(z * 100) / 100;
			expect(Math.abs(normalCdf(zr) - ss.cumulativeStdNormalProbability(zr))).toBeLessThanOrEqual(1.01e-4);
		}
	});

	it('matches simple-statistics errorFunction', () => {
		fc.assert(
			fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (z) => {
				expect(normalCdf(z)).toBeCloseTo(0.5 + 0.5 * ss.errorFunction(z / Math.SQRT2), 6);
			}),
		);
	});

	it('matches textbook values, including the far tail', () => {
		expect(normalCdf(0)).toBe(0.5);
		expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
		expect(normalCdf(-1)).toBeCloseTo(0.158655253931457, 12);
		// Φ(−8) = 6.22096e−16: a table lookup returns 0 here.
		expect(normalCdf(-8) / 6.220960574271785e-16).toBeCloseTo(1, 6);
		expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
	});

	it('probit matches simple-statistics and inverts the CDF', () => {
		// simple-statistics' probit goes through an approximate inverse erf (off by up to 0.005 at
		// p = 0.01 and 0.01 at p = 0.001), so compare loosely there and against exact textbook values below.
		for (const p of [0.01, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.99]) {
			expect(Math.abs(normalQuantile(p) - ss.probit(p))).toBeLessThan(1e-2);
		}
		expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 9);
		expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
		expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 12);
		fc.assert(
			fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
				expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 12);
			}),
		);
	});
});

describe('robust statistics', () => {
	it('median and MAD match simple-statistics', () => {
		fc.assert(
			fc.property(fc.array(finite, { minLength: 1, maxLength: 60 }), (xs) => {
				expect(median(xs)).toBeCloseTo(ss.median(xs), 9);
				expect(medianAbsoluteDeviation(xs)).toBeCloseTo(ss.medianAbsoluteDeviation(xs), 9);
			}),
		);
	});

	it('mean absolute deviation around the median (textbook)', () => {
		// |1−3| + |2−3| + |3−3| + |4−3| + |10−3| = 11 → 11 / 5
		expect(meanAbsoluteDeviation([1, 2, 3, 4, 10], 3)).toBeCloseTo(2.2, 12);
	});

	it('type-7 quantiles match R / NumPy textbook values and simple-statistics at the order statistics', () => {
		const s = sortedCopy([4, 1, 3, 2]);
		expect(quantileSorted(s, 0.25)).toBeCloseTo(1.75, 12); // R: quantile(1:4, .25)
		expect(quantileSorted(s, 0.5)).toBeCloseTo(2.5, 12);
		expect(quantileSorted(s, 0.9)).toBeCloseTo(3.7, 12);
		expect(quantileSorted(s, 0)).toBe(1);
		expect(quantileSorted(s, 1)).toBe(4);
		fc.assert(
			fc.property(fc.array(finite, { minLength: 1, maxLength: 40 }), (xs) => {
				const sorted = sortedCopy(xs);
				expect(quantileSorted(sorted, 0.5)).toBeCloseTo(ss.median(xs), 9);
				expect(quantileSorted(sorted, 0)).toBe(ss.min(xs));
				expect(quantileSorted(sorted, 1)).toBe(ss.max(xs));
			}),
		);
	});

	it('mid-rank percentile: ties share a rank; agrees with simple-statistics quantileRankSorted shifted by half a rank', () => {
		const s = sortedCopy([10, 20, 20, 30]);
		expect(percentileRank(s, 10)).toBeCloseTo(0.125, 12);
		expect(percentileRank(s, 20)).toBeCloseTo(0.5, 12);
		expect(percentileRank(s, 5)).toBe(0);
		expect(percentileRank(s, 99)).toBe(1);
		fc.assert(
			// `+ 0`: uniqueArray would otherwise treat -0 and 0 as two values.
			fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }).map((x) => x + 0), { minLength: 1, maxLength: 50 }), (xs) => {
				const sorted = sortedCopy(xs);
				for (const x of xs) {
					// simple-statistics counts the value itself fully; the mid-rank counts half of it.
					expect(percentileRank(sorted, x)).toBeCloseTo(ss.quantileRankSorted(Array.from(sorted), x) - 0.5 / xs.length, 12);
				}
			}),
		);
	});
});

describe('special functions', () => {
	it('logGamma matches simple-statistics gammaln and factorials', () => {
		for (const x of [0.5, 1, 1.5, 2, 3.7, 10, 57.3, 1000]) expect(logGamma(x)).toBeCloseTo(ss.gammaln(x), 8);
		expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
		expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
	});

	it('regularized incomplete beta equals the binomial tail for integer parameters', () => {
		// I_x(a, b) = P(Binomial(a + b − 1, x) ≥ a)
		for (const [a, b, x] of [
			[1, 1, 0.3],
			[3, 5, 0.2],
			[10, 4, 0.7],
			[20, 30, 0.45],
		]) {
			// simple-statistics' binomialDistribution truncates its tail, so sum the pmf directly.
			const n = a + b - 1;
			let tail = 0;
			let coef = 1;
			for (let j = 0; j <= n; j++) {
				if (j >= a) tail += coef * x ** j * (1 - x) ** (n - j);
				coef = (coef * (n - j)) / (j + 1);
			}
			expect(regularizedBeta(x, a, b)).toBeCloseTo(tail, 6);
		}
		// Very large counts stay accurate and symmetric: I_0.5(n, n) = 0.5.
		expect(regularizedBeta(0.5, 500000, 500000)).toBeCloseTo(0.5, 8);
	});

	it('regularized gamma P + Q = 1 and P(1, x) = 1 − e^−x', () => {
		for (const x of [0.1, 1, 5, 30]) {
			const { p, q } = regularizedGamma(1, x);
			expect(p).toBeCloseTo(1 - Math.exp(-x), 12);
			expect(p + q).toBeCloseTo(1, 12);
		}
	});
});

describe('chi-square', () => {
	it('CDF matches simple-statistics chiSquaredDistributionTable critical values', () => {
		const table = (ss as unknown as { chiSquaredDistributionTable: Record<string, Record<string, number>> }).chiSquaredDistributionTable;
		for (const df of [1, 2, 3, 5, 10, 20]) {
			for (const sig of ['0.1', '0.05', '0.01']) {
				const crit = table[String(df)][sig];
				// The table has 2-3 decimals, so allow a small slack.
				expect(chiSquareSurvival(crit, df)).toBeCloseTo(Number(sig), 3);
				expect(chiSquareCdf(crit, df)).toBeCloseTo(1 - Number(sig), 3);
			}
		}
	});

	it('2 × k independence test: textbook 2 × 3 table and χ² = z² for two arms', () => {
		// Rates 10/100, 20/100, 30/100: pooled 0.2, χ² = Σ (O − E)²/E = 12.5, df 2.
		const r = chiSquareIndependence([10, 20, 30], [100, 100, 100]);
		expect(r.statistic).toBeCloseTo(12.5, 10);
		expect(r.df).toBe(2);
		expect(r.pValue).toBeCloseTo(Math.exp(-12.5 / 2), 12); // χ²(2) survival is e^{−x/2}
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 5000 }),
				fc.integer({ min: 1, max: 5000 }),
				fc.double({ min: 0.01, max: 0.99, noNaN: true }),
				fc.double({ min: 0.01, max: 0.99, noNaN: true }),
				(na, nb, fa, fb) => {
					const sa = Math.round(na * fa);
					const sb = Math.round(nb * fb);
					if (sa + sb === 0 || sa + sb === na + nb) return;
					const chi = chiSquareIndependence([sa, sb], [na, nb]);
					const z = twoProportionZTest(sa, na, sb, nb);
					expect(chi.statistic).toBeCloseTo(z.z * z.z, 6);
					expect(chi.pValue).toBeCloseTo(z.pValue, 8);
				},
			),
		);
	});
});

describe('two proportions', () => {
	it('z-test on a textbook example', () => {
		// 120/1000 vs 150/1000: pooled 0.135, SE = √(0.135·0.865·0.002) = 0.015282, z = 1.9631, p = 0.0496.
		const r = twoProportionZTest(120, 1000, 150, 1000);
		expect(r.z).toBeCloseTo(1.9631, 3);
		expect(r.pValue).toBeCloseTo(0.0496, 3);
		expect(r.relativeLift).toBeCloseTo(0.25, 12);
		expect(r.pValue).toBeCloseTo(2 * (1 - ss.cumulativeStdNormalProbability(Math.abs(r.z))), 3);
	});

	it('sample size per arm: textbook 5 % vs 6 % at α 0.05, power 0.8', () => {
		// (1.95996 + 0.84162)² · (0.0475 + 0.0564) / 0.01² = 7.8489 · 1039 = 8155
		expect(sampleSizePerArm(0.05, 0.06, 0.05, 0.8)).toBe(8155);
		// 10 % vs 15 %, power 0.9: (1.95996 + 1.28155)² · 0.2175 / 0.0025 = 914.3 → 915
		expect(sampleSizePerArm(0.1, 0.15, 0.05, 0.9)).toBe(915);
		expect(sampleSizePerArm(0.1, 0.1)).toBe(Infinity);
	});
});

describe('Student t', () => {
	it('matches textbook t-table quantiles', () => {
		expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
		expect(studentTQuantile(0.95, 5)).toBeCloseTo(2.015, 3);
		expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 3);
		expect(studentTQuantile(0.9, 30)).toBeCloseTo(1.31, 3);
		expect(studentTQuantile(0.025, 10)).toBeCloseTo(-2.228, 3);
		expect(studentTCdf(0, 7)).toBeCloseTo(0.5, 12);
		// Large df approaches the normal.
		expect(studentTQuantile(0.975, 1e6)).toBeCloseTo(1.96, 3);
	});
});

describe('linear regression', () => {
	it('matches simple-statistics linearRegression', () => {
		fc.assert(
			fc.property(fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 3, maxLength: 60 }), (ys) => {
				const xs = ys.map((_, i) => i);
				const fit = linearRegression(xs, ys);
				const ref = ss.linearRegression(xs.map((x, i) => [x, ys[i]]));
				expect(fit.slope).toBeCloseTo(ref.m, 6);
				expect(fit.intercept).toBeCloseTo(ref.b, 6);
			}),
		);
	});

	it('residual standard error and prediction interval on a textbook line', () => {
		// y = 2x + 1 with residuals +1, −1, +1, −1 at x = 0..3: the OLS fit absorbs part of them.
		const xs = [0, 1, 2, 3];
		const ys = [2, 2, 6, 6];
		const fit = linearRegression(xs, ys);
		expect(fit.slope).toBeCloseTo(1.6, 12);
		expect(fit.intercept).toBeCloseTo(1.6, 12);
		// SSE = 0.16·4 ... residuals: 0.4, −1.2, 1.2, −0.4 → SSE = 3.2, s = √(3.2 / 2)
		expect(fit.residualStdError).toBeCloseTo(Math.sqrt(1.6), 12);
		const one = sumPrediction(fit, [4]);
		expect(one.mean).toBeCloseTo(8, 12);
		// Var = s² (1 + 1/n + (x0 − x̄)² / Sxx) = 1.6 (1 + 0.25 + 6.25 / 5)
		expect(one.stdError).toBeCloseTo(Math.sqrt(1.6 * (1 + 0.25 + 1.25)), 12);
		const flat = meanModel(ys);
		expect(flat.intercept).toBe(4);
		expect(sumPrediction(flat, [4, 5]).stdError).toBeCloseTo(Math.sqrt((16 / 3) * (2 + 1)), 12);
	});
});

describe('Beta posteriors', () => {
	// Closed form for two arms with integer α_B (Evan Miller, "Formulas for Bayesian A/B testing").
	function closedFormProbBBeatsA(aA: number, bA: number, aB: number, bB: number): number {
		const lnB = (x: number, y: number) => ss.gammaln(x) + ss.gammaln(y) - ss.gammaln(x + y);
		let total = 0;
		for (let i = 0; i < aB; i++) total += Math.exp(lnB(aA + i, bA + bB) - Math.log(bB + i) - lnB(1 + i, bB) - lnB(aA, bA));
		return total;
	}

	it('P(best) for two arms matches the closed form', () => {
		for (const [sA, nA, sB, nB] of [
			[10, 100, 15, 100],
			[3, 40, 1, 30],
			[120, 1000, 150, 1000],
			[0, 10, 0, 10],
		]) {
			const [a, b] = betaPosteriors([
				{ successes: sA, trials: nA },
				{ successes: sB, trials: nB },
			]);
			expect(b.probabilityBest).toBeCloseTo(closedFormProbBBeatsA(a.alpha, a.beta, b.alpha, b.beta), 5);
			expect(a.probabilityBest + b.probabilityBest).toBeCloseTo(1, 12);
		}
	});

	it('identical arms split evenly; expected loss is symmetric and non-negative', () => {
		const post = betaPosteriors([
			{ successes: 50, trials: 1000 },
			{ successes: 50, trials: 1000 },
			{ successes: 50, trials: 1000 },
		]);
		for (const p of post) {
			expect(p.probabilityBest).toBeCloseTo(1 / 3, 5);
			expect(p.expectedLoss).toBeCloseTo(post[0].expectedLoss, 9);
			expect(p.expectedLoss).toBeGreaterThan(0);
		}
	});

	it('expected loss for two uniform posteriors is E[max(U1, U2)] − 1/2 = 1/6', () => {
		const [a] = betaPosteriors([
			{ successes: 0, trials: 0 },
			{ successes: 0, trials: 0 },
		]);
		expect(a.expectedLoss).toBeCloseTo(1 / 6, 6);
	});

	it('stays accurate with millions of impressions', () => {
		const [a, b] = betaPosteriors([
			{ successes: 10000, trials: 1000000 },
			{ successes: 10300, trials: 1000000 },
		]);
		// Normal approximation: Δ = 0.0003, SE ≈ √(2 · 0.0101·0.9899/1e6) ≈ 0.0001414 → z ≈ 2.12
		const se = Math.sqrt(a.mean * (1 - a.mean) / 1e6 + b.mean * (1 - b.mean) / 1e6);
		expect(b.probabilityBest).toBeCloseTo(normalCdf((b.mean - a.mean) / se), 3);
	});
});
