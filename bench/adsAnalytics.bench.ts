/**
 * Anomaly detection over 2,000 series × 90 days (180,000 metric rows),
 * through the node's own path: parse every row, group by entity, score the
 * chosen metrics. Prints time, series per second and peak memory.
 * Run: npx tsc -p tsconfig.tools.json && node build/bench/adsAnalytics.bench.js
 */
import { detectAnomalies, type AnomalyOptions } from '../nodes/AdsAnalytics/actions/detectAnomalies/detectAnomalies.operation';
import { parseRows } from '../nodes/shared/n8n/decisionNode';
import { mulberry32 } from '../simulator/dataset/prng';

export interface BenchResult {
	name: string;
	series: number;
	days: number;
	rows: number;
	evaluateDays: number;
	metrics: number;
	ms: number;
	seriesPerSecond: number;
	parseMs: number;
	anomalies: number;
	peakRssMb: number;
	peakHeapMb: number;
}

function makeRows(series: number, days: number): Record<string, unknown>[] {
	const rand = mulberry32(42);
	const rows: Record<string, unknown>[] = new Array(series * days);
	const start = Date.UTC(2024, 0, 1);
	let k = 0;
	for (let s = 0; s < series; s++) {
		const scale = 50 + rand() * 500;
		for (let d = 0; d < days; d++) {
			const weekly = 1 + 0.2 * Math.sin((2 * Math.PI * d) / 7);
			const shock = rand() < 0.01 ? 3 : 1;
			const spend = scale * weekly * shock * (0.85 + 0.3 * rand());
			const impressions = Math.round(spend * 100 * (0.9 + 0.2 * rand()));
			const clicks = Math.round(impressions * 0.015 * (0.8 + 0.4 * rand()));
			const conversions = Math.round(clicks * 0.05 * (0.5 + rand()));
			rows[k++] = {
				schema: 'adpilot.metricRow/v1',
				platform: 'meta',
				level: 'adSet',
				entityId: `as${s}`,
				accountId: '111',
				date: new Date(start + d * 86_400_000).toISOString().slice(0, 10),
				currency: 'EUR',
				impressions,
				clicks,
				spend: Math.round(spend * 100) / 100,
				conversions,
				value: Math.round(conversions * 40 * 100) / 100,
			};
		}
	}
	return rows;
}

export async function run(): Promise<BenchResult[]> {
	const series = 2000;
	const days = 90;
	const jsons = makeRows(series, days);
	const results: BenchResult[] = [];
	// Warm the JIT on a small slice so the first scenario is not charged for compilation.
	detectAnomalies(parseRows(jsons.slice(0, 90 * 50) as never).rows, {
		metrics: ['spend', 'ctr'], windowDays: 28, evaluateDays: 5, threshold: 3.5, criticalThreshold: 5, minPoints: 7, requireSeasonalAgreement: false,
	});
	const scenarios: Array<{ name: string; options: AnomalyOptions }> = [
		{
			name: 'latest day, 4 metrics',
			options: { metrics: ['spend', 'conversions', 'cpa', 'ctr'], windowDays: 28, evaluateDays: 1, threshold: 3.5, criticalThreshold: 5, minPoints: 7, requireSeasonalAgreement: false },
		},
		{
			name: 'all 62 evaluable days, 4 metrics',
			options: { metrics: ['spend', 'conversions', 'cpa', 'ctr'], windowDays: 28, evaluateDays: 62, threshold: 3.5, criticalThreshold: 5, minPoints: 7, requireSeasonalAgreement: false },
		},
	];
	for (const { name, options } of scenarios) {
		if (global.gc) global.gc();
		let peakRss = process.memoryUsage().rss;
		let peakHeap = process.memoryUsage().heapUsed;
		const sampler = setInterval(() => {
			const m = process.memoryUsage();
			peakRss = Math.max(peakRss, m.rss);
			peakHeap = Math.max(peakHeap, m.heapUsed);
		}, 5);
		const t0 = performance.now();
		const { rows } = parseRows(jsons as never);
		const t1 = performance.now();
		const out = detectAnomalies(rows, options);
		const t2 = performance.now();
		clearInterval(sampler);
		const m = process.memoryUsage();
		peakRss = Math.max(peakRss, m.rss);
		peakHeap = Math.max(peakHeap, m.heapUsed);
		results.push({
			name,
			series,
			days,
			rows: jsons.length,
			evaluateDays: options.evaluateDays,
			metrics: options.metrics.length,
			ms: Math.round(t2 - t0),
			parseMs: Math.round(t1 - t0),
			seriesPerSecond: Math.round(series / ((t2 - t0) / 1000)),
			anomalies: out.filter((o) => o.json.skipped !== true).length,
			peakRssMb: Math.round(peakRss / 1048576),
			peakHeapMb: Math.round(peakHeap / 1048576),
		});
	}
	return results;
}

if (require.main === module) {
	run().then(
		(results) => {
			for (const r of results) {
				console.log(
					`anomalies [${r.name}]: ${r.series} series × ${r.days} days (${r.rows} rows) in ${r.ms} ms (parse ${r.parseMs} ms, detect ${r.ms - r.parseMs} ms) → ` +
						`${r.seriesPerSecond} series/s, ${r.anomalies} anomalies, peak RSS ${r.peakRssMb} MB, peak heap ${r.peakHeapMb} MB`,
				);
			}
		},
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
