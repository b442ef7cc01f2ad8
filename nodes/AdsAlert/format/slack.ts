/**
 * Slack Block Kit: ready for n8n's Slack node (Message Type "Blocks", paste
 * `slackBlocksJson`) or an incoming webhook (POST `slackPayload`). Slack's
 * limits: 50 blocks per message, 3,000 characters per section text, 150 per
 * header. Slack reads &, < and > as markup in every text field (plain_text
 * included, where it shows the entities decoded), so they are escaped everywhere.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Finding } from '../findings/types';
import { accountText, moreText, SEVERITY_ICON, SEVERITY_LABEL, type MessageContent } from './common';
import { numberLine } from './numbers';

export const SLACK_MAX_BLOCKS = 50;
const SECTION_LIMIT = 3000;
const HEADER_LIMIT = 150;

export function slackEscape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, limit: number): string {
	return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** A URL Slack can show as a link: http(s) only, and no characters that break `<url|label>`. */
function safeUrl(url: string | null): string | null {
	return url && /^https?:\/\/[^\s<>|]+$/.test(url) ? url : null;
}

function findingBlocks(f: Finding): IDataObject[] {
	const lines = [
		`${SEVERITY_ICON[f.severity]} *${SEVERITY_LABEL[f.severity]}* · *${slackEscape(f.title)}*`,
		`_${slackEscape(accountText(f))}_`,
		slackEscape(f.reason),
		...f.numbers.map((n) => `• ${slackEscape(numberLine(n))}`),
	];
	const section: IDataObject = { type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n'), SECTION_LIMIT) } };
	const url = safeUrl(f.link);
	if (url) {
		section.accessory = {
			type: 'button',
			text: { type: 'plain_text', text: f.platform === 'google' ? 'Open in Google Ads' : 'Open in Ads Manager', emoji: false },
			url,
		};
	}
	return [section, { type: 'divider' }];
}

/** Block Kit for one message; findings that do not fit in 50 blocks join "and N more". */
export function slackMessage(content: MessageContent): IDataObject {
	const blocks: IDataObject[] = [
		{ type: 'header', text: { type: 'plain_text', text: clip(slackEscape(content.heading), HEADER_LIMIT), emoji: true } },
		{ type: 'context', elements: [{ type: 'mrkdwn', text: `Highest severity: *${SEVERITY_LABEL[content.severity]}*` }] },
	];
	let more = content.more;
	// Room for the "more" context block at the end.
	const budget = SLACK_MAX_BLOCKS - 1;
	content.findings.forEach((f) => {
		const next = findingBlocks(f);
		if (blocks.length + next.length <= budget) blocks.push(...next);
		else more++;
	});
	if (more > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: slackEscape(moreText(more)) }] });
	// Notification and accessibility fallback text.
	const text = clip(slackEscape(`${content.heading}${content.findings[0] ? ` — ${content.findings[0].reason}` : ''}`), SECTION_LIMIT);
	return { text, blocks };
}
