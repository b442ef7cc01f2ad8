/**
 * Bayesian comparison of k conversion rates with Beta(1 + S, 1 + F)
 * posteriors (uniform prior): the probability that each arm has the highest
 * true rate and the expected loss of choosing it.
 *
 * Computed by numerical integration, not Monte Carlo, so the output is
 * deterministic and accurate to ~1e-6 without a random seed:
 *   P(i best)  = ∫ fᵢ(x) Πⱼ≠ᵢ Fⱼ(x) dx
 *   E[max θ]   = Σᵢ ∫ x fᵢ(x) Πⱼ≠ᵢ Fⱼ(x) dx
 *   loss(i)    = E[max θ] − E[θᵢ]
 * Each integral runs over arm i's own posterior mass (mean ± 12 sd), so a
 * narrow posterior from millions of impressions is still well resolved.
 */
import { logBeta, regularizedBeta } from './special';

export interface BetaArm {
	successes: number;
	trials: number;
}

export interface ArmPosterior {
	alpha: number;
	beta: number;
	mean: number;
	probabilityBest: number;
	/** Expected shortfall in rate if this arm is chosen and it is not the best (absolute, same unit as the rate). */
	expectedLoss: number;
}

const PANELS = 2000; // Simpson panels per arm (even).

export function betaPosteriors(arms: readonly BetaArm[]): ArmPosterior[] {
	if (arms.length < 2) throw new RangeError('need at least 2 arms');
	const params = arms.map(({ successes, trials }) => {
		if (!(trials >= 0) || !(successes >= 0) || successes > trials) throw new RangeError('need 0 ≤ successes ≤ trials');
		const alpha = 1 + successes;
		const beta = 1 + trials - successes;
		const mean = alpha / (alpha + beta);
		const sd = Math.sqrt((alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1)));
		return { alpha, beta, mean, sd, lnB: logBeta(alpha, beta) };
	});
	const k = params.length;
	const probBest = new Array<number>(k).fill(0);
	let expectedMax = 0;
	for (let i = 0; i < k; i++) {
		const pi = params[i];
		const lo = Math.max(0, pi.mean - 12 * pi.sd);
		const hi = Math.min(1, pi.mean + 12 * pi.sd);
		const step = (hi - lo) / PANELS;
		let p = 0;
		let m = 0;
		for (let s = 0; s <= PANELS; s++) {
			const x = lo + s * step;
			const w = s === 0 || s === PANELS ? 1 : s % 2 === 1 ? 4 : 2;
			const density = betaDensity(x, pi.alpha, pi.beta, pi.lnB);
			if (density === 0) continue;
			let others = 1;
			for (let j = 0; j < k && others > 0; j++) {
				if (j !== i) others *= regularizedBeta(x, params[j].alpha, params[j].beta, params[j].lnB);
			}
			p += w * density * others;
			m += w * x * density * others;
		}
		probBest[i] = (p * step) / 3;
		expectedMax += (m * step) / 3;
	}
	// Renormalize the small integration error so the probabilities sum to 1.
	const total = probBest.reduce((a, b) => a + b, 0);
	return params.map((pa, i) => ({
		alpha: pa.alpha,
		beta: pa.beta,
		mean: pa.mean,
		probabilityBest: total > 0 ? probBest[i] / total : 1 / k,
		expectedLoss: Math.max(0, expectedMax - pa.mean),
	}));
}

function betaDensity(x: number, alpha: number, beta: number, lnB: number): number {
	if (x < 0 || x > 1) return 0;
	// Endpoints: with α, β ≥ 1 the density is finite (1/B when the exponent is 0).
	const a = alpha - 1 === 0 ? 0 : x === 0 ? -Infinity : (alpha - 1) * Math.log(x);
	const b = beta - 1 === 0 ? 0 : x === 1 ? -Infinity : (beta - 1) * Math.log1p(-x);
	return Math.exp(a + b - lnB);
}
