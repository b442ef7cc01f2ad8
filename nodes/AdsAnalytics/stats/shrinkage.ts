/**
 * Empirical-Bayes shrinkage of per-entity yields per unit of spend (ROAS =
 * value / spend, or conversions / spend = 1 / CPA) toward the pooled yield.
 *
 * Model: each day d of entity i yields y = rᵢ·s + e with Var(e) = σ²·s
 * (noise grows with spend), so rᵢ's estimate Yᵢ/Sᵢ has variance σ²/Sᵢ, and
 * true yields vary between entities with variance τ².
 *   σ² from the daily residuals: Σᵢ Σ_d (y − r̂ᵢ s)²/s / Σᵢ (nᵢ − 1)
 *   τ² by DerSimonian–Laird: (Q − (m − 1)) / (W − Σw²/W), wᵢ = Sᵢ/σ²
 *   shrunk rᵢ = (Yᵢ + k·R₀) / (Sᵢ + k), k = σ²/τ² ("prior spend")
 * Little spend → close to the pooled R₀; lots of spend → close to its own.
 */
export interface YieldEntity {
	spend: number;
	yield: number;
	/** Daily (spend, yield) pairs for the noise estimate. */
	daily: ReadonlyArray<{ spend: number; yield: number }>;
}

export interface ShrinkageResult {
	pooled: number;
	/** Prior strength in spend units; Infinity = everything shrinks to the pooled yield. */
	priorSpend: number;
	sigma2: number | null;
	tau2: number | null;
	method: 'empiricalBayes' | 'manual' | 'fallbackMeanSpend';
	shrunk: number[];
	observed: Array<number | null>;
}

/** `manualPriorSpend` > 0 skips the estimate. */
export function shrinkYields(entities: readonly YieldEntity[], manualPriorSpend = 0): ShrinkageResult {
	const m = entities.length;
	let totalSpend = 0;
	let totalYield = 0;
	for (const e of entities) {
		totalSpend += e.spend;
		totalYield += e.yield;
	}
	const pooled = totalSpend > 0 ? totalYield / totalSpend : 0;
	const observed = entities.map((e) => (e.spend > 0 ? e.yield / e.spend : null));

	let method: ShrinkageResult['method'] = 'manual';
	let sigma2: number | null = null;
	let tau2: number | null = null;
	let k = manualPriorSpend;
	if (!(manualPriorSpend > 0)) {
		let sse = 0;
		let dof = 0;
		entities.forEach((e, i) => {
			const r = observed[i];
			if (r === null) return;
			let days = 0;
			for (const d of e.daily) {
				if (d.spend <= 0) continue;
				sse += (d.yield - r * d.spend) ** 2 / d.spend;
				days++;
			}
			if (days > 1) dof += days - 1;
		});
		const spenders = observed.filter((r) => r !== null).length;
		if (dof > 0 && spenders >= 2 && sse > 0) {
			method = 'empiricalBayes';
			sigma2 = sse / dof;
			let W = 0;
			let W2 = 0;
			let Q = 0;
			entities.forEach((e, i) => {
				const r = observed[i];
				if (r === null) return;
				const w = e.spend / (sigma2 as number);
				W += w;
				W2 += w * w;
				Q += w * (r - pooled) ** 2;
			});
			tau2 = Math.max(0, (Q - (spenders - 1)) / (W - W2 / W));
			k = tau2 > 0 ? sigma2 / tau2 : Infinity;
		} else {
			// No daily variation to learn the noise from: trust an entity about as much as an average entity's spend.
			method = 'fallbackMeanSpend';
			k = m > 0 ? totalSpend / m : 0;
		}
	}
	const shrunk = entities.map((e) =>
		!Number.isFinite(k) ? pooled : e.spend + k > 0 ? (e.yield + k * pooled) / (e.spend + k) : pooled,
	);
	return { pooled, priorSpend: k, sigma2, tau2, method, shrunk, observed };
}
