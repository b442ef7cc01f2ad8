/**
 * What the chart shows, independent of PNG or SVG: per currency, two stacked
 * panels over the chart window — spend per platform, and conversions or
 * ROAS per platform — with nice axis ticks and every point's position. Both
 * renderers draw exactly this geometry, so the email PNG and the PDF SVG
 * agree.
 */
import { metricFromTotals } from '../../shared/analysis';
import { dayString } from '../../shared/days';
import type { CurrencySection, ReportLayout } from '../report/types';
import { PLATFORM_COLORS, PLATFORM_LABELS } from './format';

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 360;
const PLOT_LEFT = 60;
const PLOT_RIGHT = 28;
const PANEL_TOP = [26, 202];
const PANEL_HEIGHT = 128;

export interface Point {
	x: number;
	y: number;
}

export interface PanelGeometry {
	title: string;
	x: number;
	y: number;
	width: number;
	height: number;
	yTicks: Array<{ y: number; label: string }>;
	series: Array<{ platform: string; label: string; color: string; points: Array<Point | null> }>;
}

export interface ChartGeometry {
	currency: string;
	/** The current window's span on the x axis (shaded), so "this period" stands out from the history. */
	currentBand: { x: number; width: number } | null;
	width: number;
	height: number;
	panels: PanelGeometry[];
	xTicks: Array<{ x: number; label: string }>;
}

/** The smallest 1/2/2.5/5 × 10^k step that covers `max` in about four intervals. */
export function niceScale(max: number): { top: number; step: number } {
	if (!(max > 0)) return { top: 1, step: 0.25 };
	const rough = max / 4;
	const magnitude = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) as number;
	return { top: Math.ceil(max / step - 1e-9) * step, step };
}

/** 1234 → "1.2K", 0.5 → "0.5": short enough for the bitmap font's axis. */
export function compactNumber(n: number): string {
	const abs = Math.abs(n);
	const trim = (v: number) => String(Math.round(v * 10) / 10);
	if (abs >= 1e6) return `${trim(n / 1e6)}M`;
	if (abs >= 1e4) return `${Math.round(n / 1e3)}K`;
	if (abs >= 1e3) return `${trim(n / 1e3)}K`;
	return abs >= 10 ? String(Math.round(n)) : String(Math.round(n * 100) / 100);
}

type SeriesMetric = 'spend' | 'conversions' | 'roas';

function panel(section: CurrencySection, metric: SeriesMetric, title: string, top: number, first: number): PanelGeometry {
	const width = CHART_WIDTH - PLOT_LEFT - PLOT_RIGHT;
	const values = section.platforms.map((p) => p.daily.slice(first).map((d) => metricFromTotals(metric, d.totals)));
	const days = values[0]?.length ?? 0;
	const max = Math.max(0, ...values.flat().map((v) => v ?? 0));
	const { top: scaleTop, step } = niceScale(max);
	const xOf = (i: number) => PLOT_LEFT + (days === 1 ? width / 2 : (i * width) / (days - 1));
	const yOf = (v: number) => top + PANEL_HEIGHT - (v / scaleTop) * PANEL_HEIGHT;
	const yTicks = [];
	for (let v = 0; v <= scaleTop + 1e-9; v += step) yTicks.push({ y: yOf(v), label: compactNumber(v) });
	return {
		title,
		x: PLOT_LEFT,
		y: top,
		width,
		height: PANEL_HEIGHT,
		yTicks,
		series: section.platforms.map((p, s) => ({
			platform: p.platform,
			label: PLATFORM_LABELS[p.platform] ?? p.platform,
			color: PLATFORM_COLORS[p.platform] ?? '#475569',
			points: values[s].map((v, i) => (v === null ? null : { x: xOf(i), y: yOf(v) })),
		})),
	};
}

/** Index of the first day with any delivery, but never after the current window's start: days before the data began are not drawn as zeros. */
function firstDrawnDay(section: CurrencySection, currentFrom: number): number {
	const daily = section.platforms[0]?.daily ?? [];
	const currentIndex = Math.max(0, daily.findIndex((d) => d.day === currentFrom));
	for (let i = 0; i < currentIndex; i++) if (section.platforms.some((p) => p.daily[i].totals.impressions > 0 || p.daily[i].totals.spend > 0)) return i;
	return currentIndex;
}

export function chartGeometry(section: CurrencySection, layout: Pick<ReportLayout, 'chartSecondMetric'>, currentFrom: number): ChartGeometry {
	const first = firstDrawnDay(section, currentFrom);
	const daily = (section.platforms[0]?.daily ?? []).slice(first);
	const days = daily.length;
	const second = layout.chartSecondMetric;
	const panels = [
		panel(section, 'spend', `SPEND ${section.currency}`, PANEL_TOP[0], first),
		panel(section, second, second === 'roas' ? 'ROAS' : 'CONVERSIONS', PANEL_TOP[1], first),
	];
	const every = Math.max(1, Math.ceil(days / 8));
	const xTicks = [];
	for (let i = days - 1; i >= 0; i -= every) xTicks.unshift({ x: xAt(panels[0], i, days), label: dayString(daily[i].day).slice(5) });
	const currentIndex = daily.findIndex((d) => d.day === currentFrom);
	const step = days > 1 ? panels[0].width / (days - 1) : panels[0].width;
	const currentBand = currentIndex > 0 ? { x: xAt(panels[0], currentIndex, days) - step / 2, width: panels[0].x + panels[0].width - (xAt(panels[0], currentIndex, days) - step / 2) } : null;
	return { currency: section.currency, currentBand, width: CHART_WIDTH, height: CHART_HEIGHT, panels, xTicks };
}

function xAt(p: PanelGeometry, i: number, days: number): number {
	return days === 1 ? p.x + p.width / 2 : p.x + (i * p.width) / (days - 1);
}
