/**
 * Email: an HTML part with inline styles (Gmail and Outlook drop <style>
 * blocks and ignore most CSS) and a plain-text part, for n8n's Send Email or
 * Gmail node. Every value is HTML-escaped, links must be http(s).
 */
import type { Finding } from '../findings/types';
import { accountText, moreText, SEVERITY_COLOR, SEVERITY_LABEL, type MessageContent } from './common';
import { numberLine } from './numbers';
import { findingText } from './text';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function safeHref(url: string | null): string | null {
	return url && /^https?:\/\//i.test(url) ? escapeHtml(url) : null;
}

function findingHtml(f: Finding): string {
	const color = SEVERITY_COLOR[f.severity];
	const numbers = f.numbers.map((n) => `<li style="margin:2px 0">${escapeHtml(numberLine(n))}</li>`).join('');
	const href = safeHref(f.link);
	return [
		`<tr><td style="padding:12px 16px;border-left:4px solid ${color};background:#fafafa">`,
		`<div style="font:bold 12px Arial,sans-serif;color:${color};letter-spacing:.5px">${SEVERITY_LABEL[f.severity]}</div>`,
		`<div style="font:bold 15px Arial,sans-serif;color:#212121;margin:4px 0">${escapeHtml(f.title)}</div>`,
		`<div style="font:12px Arial,sans-serif;color:#616161">${escapeHtml(accountText(f))}</div>`,
		`<div style="font:14px Arial,sans-serif;color:#212121;margin:6px 0">${escapeHtml(f.reason)}</div>`,
		numbers ? `<ul style="font:13px Arial,sans-serif;color:#212121;margin:4px 0 4px 18px;padding:0">${numbers}</ul>` : '',
		href ? `<a href="${href}" style="font:bold 13px Arial,sans-serif;color:#1565C0">${f.platform === 'google' ? 'Open in Google Ads' : 'Open in Ads Manager'}</a>` : '',
		'</td></tr><tr><td style="height:8px"></td></tr>',
	].join('');
}

export interface EmailMessage {
	subject: string;
	html: string;
	text: string;
}

export function emailMessage(content: MessageContent): EmailMessage {
	const rows = content.findings.map(findingHtml).join('');
	const more = content.more > 0 ? `<p style="font:13px Arial,sans-serif;color:#616161">${escapeHtml(moreText(content.more))}</p>` : '';
	const html = [
		'<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
		'<body style="margin:0;padding:16px;background:#ffffff">',
		`<h2 style="font:bold 18px Arial,sans-serif;color:#212121;margin:0 0 12px">${escapeHtml(content.heading)}</h2>`,
		`<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="max-width:640px;border-collapse:collapse">${rows}</table>`,
		more,
		'<p style="font:11px Arial,sans-serif;color:#9e9e9e">Sent by AdPilot</p>',
		'</body></html>',
	].join('');
	const text = [content.heading, ...content.findings.map(findingText), ...(content.more > 0 ? [moreText(content.more)] : [])].join('\n\n');
	return { subject: content.heading, html, text };
}
