/**
 * Metric-row analysis shared by every decision node: totals and the metrics
 * read from them, look-back windows, entity grouping and daily series.
 * Nothing outside this folder (and the contract's `derive.ts`, which it uses)
 * computes a ratio.
 */
export * from './totals';
export * from './entities';
export * from './windows';
export * from './daily';
