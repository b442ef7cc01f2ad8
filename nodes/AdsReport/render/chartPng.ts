/**
 * The email chart: the chart geometry rasterised at 2× and encoded as PNG
 * (Gmail and Outlook do not display SVG). Titles and axis labels use the
 * bitmap font; the legend with platform names lives in the HTML under the
 * image, where names in any script render as real text.
 */
import type { ChartGeometry } from './chartModel';
import { encodePng } from './png';
import { Raster, hexColor } from './raster';

export const PNG_SCALE = 2;
const GRID = hexColor('#E5E7EB');
const BAND = hexColor('#EFF6FF');
const AXIS = hexColor('#9CA3AF');
const LABEL = hexColor('#4B5563');
const TITLE = hexColor('#111827');

export function renderChartPng(chart: ChartGeometry): { png: Buffer; width: number; height: number } {
	const r = new Raster(chart.width, chart.height, PNG_SCALE, hexColor('#FFFFFF'));
	for (const p of chart.panels) {
		if (chart.currentBand) r.fillRect(chart.currentBand.x, p.y, chart.currentBand.width, p.height, BAND);
		r.text(p.x, p.y - 16, p.title, 1, TITLE);
		for (const tick of p.yTicks) {
			r.line(p.x, tick.y, p.x + p.width, tick.y, 0.5, GRID);
			r.text(p.x - 6 - Raster.textWidth(tick.label, 1), tick.y - 3, tick.label, 1, LABEL);
		}
		r.line(p.x, p.y + p.height, p.x + p.width, p.y + p.height, 1, AXIS);
		for (const series of p.series) {
			const color = hexColor(series.color);
			let previous = null;
			for (const point of series.points) {
				if (point && previous) r.line(previous.x, previous.y, point.x, point.y, 2, color);
				if (point) r.fillRect(point.x - 2, point.y - 2, 4, 4, color);
				previous = point;
			}
		}
	}
	const bottom = chart.panels[chart.panels.length - 1];
	for (const tick of chart.xTicks) {
		r.line(tick.x, bottom.y + bottom.height, tick.x, bottom.y + bottom.height + 3, 1, AXIS);
		r.text(tick.x - Raster.textWidth(tick.label, 1) / 2, bottom.y + bottom.height + 8, tick.label, 1, LABEL);
	}
	return { png: encodePng(r.pixelWidth, r.pixelHeight, r.pixels), width: r.pixelWidth, height: r.pixelHeight };
}
