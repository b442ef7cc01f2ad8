/**
 * The PDF/browser chart: the same geometry as the PNG, as inline SVG with
 * real text (names escaped) and the legend drawn in.
 */
import type { ChartGeometry, Point } from './chartModel';
import { escapeHtml } from './format';

const FONT = "font-family='Helvetica,Arial,sans-serif'";

function polylines(points: Array<Point | null>, color: string): string {
	const runs: string[] = [];
	let run: string[] = [];
	const flush = () => {
		if (run.length > 1) runs.push(`<polyline fill='none' stroke='${color}' stroke-width='2' points='${run.join(' ')}'/>`);
		run = [];
	};
	for (const p of points) {
		if (p) run.push(`${p.x.toFixed(1)},${p.y.toFixed(1)}`);
		else flush();
	}
	flush();
	const dots = points.filter((p): p is Point => p !== null).map((p) => `<rect x='${(p.x - 2).toFixed(1)}' y='${(p.y - 2).toFixed(1)}' width='4' height='4' fill='${color}'/>`);
	return runs.join('') + dots.join('');
}

export function renderChartSvg(chart: ChartGeometry): string {
	const parts: string[] = [];
	for (const p of chart.panels) {
		if (chart.currentBand) parts.push(`<rect x='${chart.currentBand.x.toFixed(1)}' y='${p.y}' width='${chart.currentBand.width.toFixed(1)}' height='${p.height}' fill='#EFF6FF'/>`);
		parts.push(`<text x='${p.x}' y='${p.y - 10}' font-size='11' font-weight='bold' fill='#111827' ${FONT}>${escapeHtml(p.title)}</text>`);
		for (const t of p.yTicks) {
			parts.push(`<line x1='${p.x}' x2='${p.x + p.width}' y1='${t.y.toFixed(1)}' y2='${t.y.toFixed(1)}' stroke='#E5E7EB'/>`);
			parts.push(`<text x='${p.x - 6}' y='${(t.y + 3).toFixed(1)}' font-size='10' text-anchor='end' fill='#4B5563' ${FONT}>${escapeHtml(t.label)}</text>`);
		}
		parts.push(`<line x1='${p.x}' x2='${p.x + p.width}' y1='${p.y + p.height}' y2='${p.y + p.height}' stroke='#9CA3AF'/>`);
		for (const s of p.series) parts.push(polylines(s.points, s.color));
	}
	const bottom = chart.panels[chart.panels.length - 1];
	for (const t of chart.xTicks) {
		parts.push(`<text x='${t.x.toFixed(1)}' y='${bottom.y + bottom.height + 16}' font-size='10' text-anchor='middle' fill='#4B5563' ${FONT}>${escapeHtml(t.label)}</text>`);
	}
	const legend = chart.panels[0].series.map(
		(s, i) => `<rect x='${chart.width - 130 * (i + 1)}' y='4' width='10' height='10' fill='${s.color}'/><text x='${chart.width - 130 * (i + 1) + 14}' y='13' font-size='11' fill='#111827' ${FONT}>${escapeHtml(s.label)}</text>`,
	);
	return `<svg xmlns='http://www.w3.org/2000/svg' width='${chart.width}' height='${chart.height}' viewBox='0 0 ${chart.width} ${chart.height}' role='img' aria-label='Spend and ${escapeHtml(chart.panels[1].title.toLowerCase())} per platform, ${escapeHtml(chart.currency)}'>${parts.join('')}${legend.join('')}</svg>`;
}
