/**
 * List prices in USD per 1M tokens (standard tier), for the estimated cost
 * in summaries. Users override them in Options for other models or gateways;
 * an unknown model without prices gives `null`, never a guess.
 */
export interface ModelPrice {
	input: number;
	output: number;
}

export const DEFAULT_MODEL = 'gpt-5-mini';

const PRICES: Record<string, ModelPrice> = {
	'gpt-5': { input: 1.25, output: 10 },
	'gpt-5-mini': { input: 0.25, output: 2 },
	'gpt-5-nano': { input: 0.05, output: 0.4 },
	'gpt-4.1': { input: 2, output: 8 },
	'gpt-4.1-mini': { input: 0.4, output: 1.6 },
	'gpt-4.1-nano': { input: 0.1, output: 0.4 },
	'gpt-4o': { input: 2.5, output: 10 },
	'gpt-4o-mini': { input: 0.15, output: 0.6 },
};

/** The model's price; dated snapshots (gpt-5-mini-2025-08-07) use their family's. */
export function priceOf(model: string, override?: Partial<ModelPrice>): ModelPrice | null {
	const known = PRICES[model] ?? PRICES[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')] ?? null;
	const input = override?.input ?? known?.input;
	const output = override?.output ?? known?.output;
	return input === undefined || output === undefined ? null : { input, output };
}

export function estimateCostUsd(price: ModelPrice | null, inputTokens: number, outputTokens: number): number | null {
	if (price === null) return null;
	return Math.round(((inputTokens * price.input + outputTokens * price.output) / 1_000_000) * 1_000_000) / 1_000_000;
}
