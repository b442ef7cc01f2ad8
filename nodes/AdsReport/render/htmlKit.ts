/**
 * Email-safe HTML building blocks: nested presentation tables, inline
 * styles on every cell, bgcolor/width attributes for Outlook's Word engine,
 * no CSS classes, no divs for layout. Every text goes through escapeHtml.
 */
import { escapeHtml } from './format';

export const FONT = "font-family:Helvetica,Arial,sans-serif;";
export const COLORS = { text: '#111827', muted: '#6B7280', border: '#E5E7EB', good: '#047857', bad: '#B91C1C', header: '#1E3A8A', panel: '#F9FAFB', warn: '#FEF3C7' };

export type Cell = { html: string; align?: 'left' | 'right' | 'center'; style?: string };

export function esc(text: string | null | undefined): string {
	return escapeHtml(text ?? '');
}

export function table(rows: string, extra = ''): string {
	return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;${extra}">${rows}</table>`;
}

export function section(inner: string, padding = '16px 24px'): string {
	return `<tr><td style="${FONT}padding:${padding};color:${COLORS.text};">${inner}</td></tr>`;
}

export function heading(text: string, level: 2 | 3 = 2): string {
	const size = level === 2 ? 18 : 15;
	return `<h${level} style="${FONT}margin:0 0 8px 0;font-size:${size}px;line-height:1.3;color:${COLORS.text};">${esc(text)}</h${level}>`;
}

export function paragraph(html: string, style = ''): string {
	return `<p style="${FONT}margin:0 0 8px 0;font-size:14px;line-height:1.5;color:${COLORS.text};${style}">${html}</p>`;
}

/** A data table: a header row and body rows, right-aligned numbers. */
export function dataTable(headers: Cell[], rows: Cell[][]): string {
	const th = headers
		.map((h) => `<th align="${h.align ?? 'left'}" style="${FONT}font-size:12px;color:${COLORS.muted};font-weight:bold;text-align:${h.align ?? 'left'};padding:6px 6px;white-space:nowrap;border-bottom:2px solid ${COLORS.border};">${h.html}</th>`)
		.join('');
	const body = rows
		.map(
			(cells) =>
				`<tr>${cells
					.map((c) => `<td align="${c.align ?? 'left'}" style="${FONT}font-size:12px;color:${COLORS.text};text-align:${c.align ?? 'left'};padding:6px 6px;${c.align === 'right' ? 'white-space:nowrap;' : ''}border-bottom:1px solid ${COLORS.border};${c.style ?? ''}">${c.html}</td>`)
					.join('')}</tr>`,
		)
		.join('');
	return table(`<tr>${th}</tr>${body}`);
}

/** A row of equal-width tiles (headline numbers). */
export function tiles(items: Array<{ label: string; value: string; delta: string }>): string {
	const width = Math.floor(100 / Math.max(1, items.length));
	const cells = items
		.map(
			(t) =>
				`<td width="${width}%" valign="top" bgcolor="${COLORS.panel}" style="${FONT}padding:10px 12px;background:${COLORS.panel};border:4px solid #FFFFFF;">` +
				`<div style="${FONT}font-size:12px;color:${COLORS.muted};">${esc(t.label)}</div>` +
				`<div style="${FONT}font-size:20px;font-weight:bold;color:${COLORS.text};padding:2px 0;">${t.value}</div>` +
				`<div style="${FONT}font-size:12px;">${t.delta}</div></td>`,
		)
		.join('');
	return table(`<tr>${cells}</tr>`);
}

/** A full-width callout box (notes, "no data", pacing status). */
export function callout(html: string, background: string): string {
	return table(`<tr><td bgcolor="${background}" style="${FONT}padding:10px 12px;background:${background};font-size:13px;line-height:1.5;color:${COLORS.text};">${html}</td></tr>`);
}

export function bulletList(items: string[]): string {
	return items.map((html) => `<tr><td valign="top" width="14" style="${FONT}font-size:13px;padding:3px 0;color:${COLORS.muted};">•</td><td style="${FONT}font-size:13px;line-height:1.45;padding:3px 0;color:${COLORS.text};">${html}</td></tr>`).join('');
}
