/**
 * Microsoft Teams: an Adaptive Card (schema 1.4, what Teams renders), ready
 * for n8n's Microsoft Teams node or a Teams workflow webhook (`teamsPayload`).
 * Adaptive Cards render text as plain text with a markdown subset, so values
 * are not HTML-escaped; links are buttons (Action.OpenUrl).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Finding } from '../findings/types';
import { accountText, moreText, SEVERITY_LABEL, type MessageContent } from './common';
import { numberLine } from './numbers';

const CARD_COLOR: Record<string, string> = { critical: 'Attention', warning: 'Warning', info: 'Accent' };

function findingContainer(f: Finding): IDataObject {
	const items: IDataObject[] = [
		{ type: 'TextBlock', text: `${SEVERITY_LABEL[f.severity]} · ${f.title}`, weight: 'Bolder', color: CARD_COLOR[f.severity], wrap: true },
		{ type: 'TextBlock', text: accountText(f), isSubtle: true, spacing: 'None', wrap: true },
		{ type: 'TextBlock', text: f.reason, wrap: true },
	];
	if (f.numbers.length > 0) items.push({ type: 'FactSet', facts: f.numbers.map((n) => ({ title: n.label, value: numberLine(n).slice(n.label.length + 2) })) });
	if (f.link && /^https?:\/\//.test(f.link)) {
		items.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: f.platform === 'google' ? 'Open in Google Ads' : 'Open in Ads Manager', url: f.link }] });
	}
	return { type: 'Container', separator: true, items };
}

export function teamsCard(content: MessageContent): IDataObject {
	const body: IDataObject[] = [{ type: 'TextBlock', text: content.heading, size: 'Medium', weight: 'Bolder', wrap: true }, ...content.findings.map(findingContainer)];
	if (content.more > 0) body.push({ type: 'TextBlock', text: moreText(content.more), isSubtle: true, wrap: true });
	return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.4', body };
}

/** What a Teams incoming/workflow webhook accepts. */
export function teamsPayload(card: IDataObject): IDataObject {
	return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] };
}
