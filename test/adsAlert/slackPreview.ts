/**
 * An HTML approximation of how Slack shows our Block Kit (header, context,
 * mrkdwn sections with a button, dividers), for the README screenshot and the
 * browser test. Our mrkdwn is already escaped (&, <, >), so it is safe HTML.
 */
import type { IDataObject } from 'n8n-workflow';

// Headless Chromium here has no emoji font: show the severity dots as coloured circles.
const DOTS: Record<string, string> = { '🔴': '#C62828', '🟠': '#E65100', '🔵': '#1565C0' };

function mrkdwn(text: string): string {
	return text
		.replace(/🔴|🟠|🔵/gu, (dot) => `<span style="display:inline-block;width:10px;height:10px;border-radius:5px;background:${DOTS[dot]}"></span>`)
		.replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
		.replace(/(^|\s)_([^_\n]+)_/g, '$1<i style="color:#616061">$2</i>')
		.replace(/\n/g, '<br>');
}

function block(b: IDataObject): string {
	const text = (b.text as IDataObject | undefined)?.text as string | undefined;
	switch (b.type) {
		case 'header':
			return `<div style="font:bold 18px/1.3 Lato,Arial,sans-serif;margin:4px 0 6px">${text ?? ''}</div>`;
		case 'context':
			return `<div style="font:12px Lato,Arial,sans-serif;color:#616061;margin:4px 0">${(b.elements as IDataObject[]).map((e) => mrkdwn(String(e.text))).join(' ')}</div>`;
		case 'divider':
			return '<hr style="border:none;border-top:1px solid #ddd;margin:10px 0">';
		case 'section': {
			const button = b.accessory as IDataObject | undefined;
			const buttonHtml = button
				? `<a href="${String(button.url).replace(/"/g, '&quot;')}" style="flex:none;align-self:flex-start;border:1px solid #bbb;border-radius:4px;padding:4px 10px;font:bold 13px Lato,Arial,sans-serif;color:#1d1c1d;text-decoration:none">${(button.text as IDataObject).text}</a>`
				: '';
			return `<div style="display:flex;gap:12px;font:14px/1.45 Lato,Arial,sans-serif;color:#1d1c1d"><div style="flex:1">${mrkdwn(text ?? '')}</div>${buttonHtml}</div>`;
		}
		default:
			return '';
	}
}

export function slackPreviewHtml(blocks: IDataObject[], appName = 'AdPilot'): string {
	return [
		'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff">',
		'<div style="display:flex;gap:10px;padding:16px 20px;max-width:720px">',
		'<div style="flex:none;width:36px;height:36px;border-radius:6px;background:#4A154B;color:#fff;font:bold 16px Arial;display:flex;align-items:center;justify-content:center">A</div>',
		`<div style="flex:1"><div style="font:bold 15px Lato,Arial,sans-serif">${appName} <span style="font:11px Arial;color:#fff;background:#888;border-radius:3px;padding:1px 4px">APP</span></div>`,
		blocks.map(block).join(''),
		'</div></div></body></html>',
	].join('');
}
