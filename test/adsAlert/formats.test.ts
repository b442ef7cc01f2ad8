/** Each channel's format: shape, limits, escaping, and what every message must say. */
import type { IDataObject } from 'n8n-workflow';

import { parseItem } from '../../nodes/AdsAlert/findings/parse';
import type { Finding } from '../../nodes/AdsAlert/findings/types';
import { headingFor, type MessageContent } from '../../nodes/AdsAlert/format/common';
import { emailMessage } from '../../nodes/AdsAlert/format/email';
import { slackMessage, SLACK_MAX_BLOCKS } from '../../nodes/AdsAlert/format/slack';
import { teamsCard, teamsPayload } from '../../nodes/AdsAlert/format/teams';
import { findingText, TEXT_LIMIT, textMessages } from '../../nodes/AdsAlert/format/text';
import { bySeverity } from '../../nodes/AdsAlert/plan';
import { action, anomaly, auditItem, metaEvent, ruleLog } from './fixtures';

function finding(item: IDataObject, index = 0): Finding {
	const result = parseItem(item, index);
	if (!('finding' in result)) throw new Error(`ignored: ${result.ignored}`);
	return result.finding;
}

function content(findings: Finding[], cap = findings.length): MessageContent {
	const ordered = bySeverity(findings);
	const shown = ordered.slice(0, cap);
	return { findings: shown, more: ordered.length - shown.length, severity: ordered[0].severity, heading: headingFor(shown, ordered.length - shown.length) };
}

const EVIL = '<script>alert("x")</script> & <b>Co</b>';
const many = (n: number) => Array.from({ length: n }, (_, i) => finding(action({ entityId: String(1000 + i), entityName: `Ad set ${i} ${'x'.repeat(60)}`, params: { budgetType: 'daily', amount: 60 + i, currency: 'USD', currentAmount: 50 } }), i));

describe('what every message says', () => {
	it('a budget action: severity, entity with account, money with units and % change, reason, Ads Manager link', () => {
		const text = findingText(finding(action()));
		expect(text).toContain('🔵 INFO · Set budget of ad set Prospecting – Lookalike 1 %');
		expect(text).toContain('Meta account 100010000000001');
		expect(text).toContain('Daily budget: 50.00 USD → 60.00 USD (+20.0 %)');
		expect(text).toContain('roas over last_7d: 3.10× > 2.50×');
		expect(text).toContain('Reason: ROAS 3.1 over last_7d is above 2.5');
		expect(text).toContain('https://adsmanager.facebook.com/adsmanager/manage/adsets?act=100010000000001&selected_adset_ids=23850000000000001');
	});

	it('an anomaly: the value against its baseline with % change, and a Google Ads UI link', () => {
		const text = findingText(finding(anomaly()));
		expect(text).toContain('🔴 CRITICAL · cpa spike on campaign Brand – Search');
		expect(text).toContain('Google Ads account 1234567890');
		expect(text).toContain('cpa on 2026-11-19: 29.75 EUR → 48.20 EUR (+62.0 %)');
		expect(text).toContain('https://ads.google.com/aw/adgroups?campaignId=987654321&__e=1234567890');
	});

	it('an Apply audit item: outcome, before → after, guardrails; a failure is critical', () => {
		const applied = finding(auditItem());
		expect(applied.severity).toBe('info');
		expect(findingText(applied)).toContain('dailyBudget: 100.00 USD → 120.00 USD (+20.0 %)');
		expect(applied.reason).toContain('Guardrails: increase capped at 20 %');
		const failed = finding(auditItem({ applied: false, appliedAt: null, error: '(#17) User request limit reached' }));
		expect(failed).toMatchObject({ severity: 'critical', title: expect.stringMatching(/^Failed: setBudget/) });
		expect(failed.reason).toContain('(#17) User request limit reached');
		// A shape Apply may still change: only the action and a decision.
		const minimal = finding({ action: action({ kind: 'pause', params: {} }), decision: { status: 'blocked' }, before: 'ACTIVE', after: 'ACTIVE' });
		expect(minimal).toMatchObject({ source: 'applyAudit', severity: 'warning', entityId: '23850000000000001' });
		expect(findingText(minimal)).toContain('value: ACTIVE → ACTIVE');
	});

	it('a rule log entry and a Meta event', () => {
		expect(findingText(finding(ruleLog()))).toContain('🟠 WARNING · Rule "Pause bleeders" matched ad set Retargeting 30d → pause');
		const event = findingText(finding(metaEvent()));
		expect(event).toContain('🔴 CRITICAL · Delivery issue: ad Video – Spring');
		expect(event).toContain('Reason: Ad disapproved: landing page');
		expect(event).toContain('Status: DISAPPROVED');
		expect(event).toContain('selected_ad_ids=23860000000000004');
	});
});

describe('Slack Block Kit', () => {
	const ALLOWED = new Set(['header', 'section', 'divider', 'context']);

	it('is valid Block Kit: known block types, text limits, https buttons, ≤ 50 blocks with "and N more"', () => {
		const message = slackMessage(content(many(40)));
		const blocks = message.blocks as IDataObject[];
		expect(blocks.length).toBeLessThanOrEqual(SLACK_MAX_BLOCKS);
		expect(blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text' } });
		expect(String((blocks[0].text as IDataObject).text).length).toBeLessThanOrEqual(150);
		for (const block of blocks) {
			expect(ALLOWED.has(String(block.type))).toBe(true);
			if (block.type === 'section') {
				const text = block.text as IDataObject;
				expect(text.type).toBe('mrkdwn');
				expect(String(text.text).length).toBeLessThanOrEqual(3000);
				const button = block.accessory as IDataObject;
				expect(button).toMatchObject({ type: 'button', text: { type: 'plain_text' }, url: expect.stringMatching(/^https:\/\//) });
			}
		}
		const shown = blocks.filter((b) => b.type === 'section').length;
		const last = blocks[blocks.length - 1] as { elements: Array<{ text: string }> };
		expect(last.elements[0].text).toBe(`…and ${40 - shown} more findings`);
		expect(typeof message.text).toBe('string');
	});

	it('escapes &, < and > in names so a <script> name is shown, not interpreted', () => {
		const message = slackMessage(content([finding(action({ entityName: EVIL }))]));
		const all = JSON.stringify(message.blocks);
		expect(all).not.toContain('<script>');
		expect(all).toContain('&lt;script&gt;alert(\\"x\\")&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;');
	});
});

describe('email', () => {
	it('escapes every value in the HTML part and keeps a plain-text part', () => {
		const email = emailMessage(content([finding(action({ entityName: EVIL, reason: 'x < y & "quoted"' }))]));
		expect(email.html).not.toMatch(/<script/i);
		expect(email.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;Co&lt;/b&gt;');
		expect(email.html).toContain('x &lt; y &amp; &quot;quoted&quot;');
		expect(email.text).toContain(EVIL);
		expect(email.subject).toContain('Set budget of ad set');
		expect(email.html).toContain('href="https://adsmanager.facebook.com/adsmanager/manage/adsets?act=100010000000001&amp;selected_adset_ids=23850000000000001"');
	});

	it('never links anything but http(s)', () => {
		const f = { ...finding(action()), link: 'javascript:alert(1)' };
		expect(emailMessage(content([f])).html).not.toContain('javascript:');
	});
});

describe('WhatsApp and Telegram text', () => {
	it('splits a long digest into parts of at most 4,096 characters, between findings only', () => {
		const findings = many(80);
		const parts = textMessages(content(findings));
		expect(parts.length).toBeGreaterThan(1);
		for (const [i, part] of parts.entries()) {
			expect(part.length).toBeLessThanOrEqual(TEXT_LIMIT);
			expect(part.startsWith(`(${i + 1}/${parts.length}) `)).toBe(true);
		}
		// Every finding appears whole in exactly one part.
		for (const f of findings) expect(parts.filter((p) => p.includes(findingText(f))).length).toBe(1);
	});

	it('keeps one message when it fits, and cuts a single oversized finding with an ellipsis', () => {
		expect(textMessages(content(many(3)))).toHaveLength(1);
		const huge = finding(action({ reason: 'r'.repeat(10_000) }));
		const parts = textMessages(content([huge]));
		expect(parts.every((p) => p.length <= TEXT_LIMIT)).toBe(true);
		expect(parts.join('').includes('…')).toBe(true);
	});
});

describe('Microsoft Teams', () => {
	it('is an Adaptive Card 1.4 with facts and an open-URL action, wrapped for a webhook', () => {
		const card = teamsCard(content([finding(anomaly()), finding(action())], 1));
		expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.4', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
		const body = card.body as IDataObject[];
		const container = body[1] as { items: IDataObject[] };
		expect(container.items.find((i) => i.type === 'FactSet')).toMatchObject({ facts: [{ title: 'cpa on 2026-11-19', value: '29.75 EUR → 48.20 EUR (+62.0 %)' }, { title: 'Robust z-score', value: '6.1' }] });
		expect(container.items.find((i) => i.type === 'ActionSet')).toMatchObject({ actions: [{ type: 'Action.OpenUrl', url: expect.stringMatching(/^https:\/\/ads\.google\.com\//) }] });
		expect(body[body.length - 1]).toMatchObject({ text: '…and 1 more finding' });
		expect(teamsPayload(card)).toEqual({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }] });
	});
});
