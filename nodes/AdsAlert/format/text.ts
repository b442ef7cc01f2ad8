/**
 * Plain text for WhatsApp and Telegram: both cap a message at 4,096
 * characters. A digest longer than that is split between findings, never
 * inside one; a single finding longer than the limit is cut with "…".
 * Lengths are JavaScript string lengths (UTF-16 units), which never
 * undercount what either service counts.
 */
import type { Finding } from '../findings/types';
import { numberLine } from './numbers';
import { accountText, moreText, SEVERITY_ICON, SEVERITY_LABEL, type MessageContent } from './common';

export const TEXT_LIMIT = 4096;

export function findingText(f: Finding): string {
	const lines = [
		`${SEVERITY_ICON[f.severity]} ${SEVERITY_LABEL[f.severity]} · ${f.title}`,
		accountText(f),
		`Reason: ${f.reason}`,
		...f.numbers.map(numberLine),
	];
	if (f.link) lines.push(f.link);
	return lines.join('\n');
}

function clip(text: string, limit: number): string {
	return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function split(content: MessageContent, limit: number): string[] {
	const blocks = content.findings.map((f) => findingText(f));
	if (content.more > 0) blocks.push(moreText(content.more));
	const parts: string[] = [];
	let current = content.heading;
	for (const block of blocks) {
		const joined = `${current}\n\n${block}`;
		if (joined.length <= limit) {
			current = joined;
			continue;
		}
		parts.push(clip(current, limit));
		current = clip(block, limit);
	}
	parts.push(clip(current, limit));
	return parts;
}

/** One or more messages, each ≤ limit, split on finding boundaries and numbered "(1/3) " when split. */
export function textMessages(content: MessageContent, limit = TEXT_LIMIT): string[] {
	const whole = split(content, limit);
	if (whole.length === 1) return whole;
	// Leave room for the "(i/n) " marker: 16 characters cover up to 9999 parts.
	const parts = split(content, limit - 16);
	return parts.map((p, i) => `(${i + 1}/${parts.length}) ${p}`);
}
