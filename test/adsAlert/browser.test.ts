/**
 * The email HTML and a Slack preview in headless Chromium (Debian's
 * /usr/bin/chromium through playwright-core): the messages render, and an
 * entity named <script>… shows as text instead of running. Screenshots are
 * kept as test artifacts (in the OS temp folder, or in docs/ with
 * ADPILOT_WRITE_DOCS=1, which is how the README's pictures are made).
 */
import { existsSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { IDataObject } from 'n8n-workflow';
import { chromium, type Browser } from 'playwright-core';

import { parseItem } from '../../nodes/AdsAlert/findings/parse';
import type { Finding } from '../../nodes/AdsAlert/findings/types';
import { headingFor } from '../../nodes/AdsAlert/format/common';
import { emailMessage } from '../../nodes/AdsAlert/format/email';
import { slackMessage } from '../../nodes/AdsAlert/format/slack';
import { bySeverity } from '../../nodes/AdsAlert/plan';
import { action, anomaly, auditItem, metaEvent, ruleLog } from './fixtures';
import { slackPreviewHtml } from './slackPreview';

const CHROMIUM = '/usr/bin/chromium';
const run = existsSync(CHROMIUM) ? describe : describe.skip;
const outDir = process.env.ADPILOT_WRITE_DOCS === '1' ? join(__dirname, '..', '..', 'docs') : join(tmpdir(), 'adpilot-artifacts');

function digest(): { findings: Finding[]; heading: string } {
	const items = [
		anomaly(),
		metaEvent(),
		ruleLog(),
		action(),
		auditItem(),
		action({ entityId: '23850000000000009', entityName: '<script>window.__pwned = true</script> Summer', kind: 'notify', params: { message: 'Frequency above 4 for 3 days', severity: 'warning' }, evidence: [{ label: 'frequency over last_3d', left: 4.6, operator: '>', right: 4, result: true }] }),
	];
	const findings = bySeverity(items.map((item, i) => (parseItem(item, i) as { finding: Finding }).finding));
	return { findings, heading: headingFor(findings, 0) };
}

run('messages in a browser', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
		mkdirSync(outDir, { recursive: true });
	});
	afterAll(async () => await browser?.close());

	async function render(html: string, file: string) {
		const page = await browser.newPage({ viewport: { width: 760, height: 400 }, javaScriptEnabled: true });
		await page.setContent(html, { waitUntil: 'load' });
		// A string, evaluated in the page (this project's TypeScript has no DOM types).
		const state = (await page.evaluate('({ pwned: window.__pwned === true, scripts: document.scripts.length, text: document.body.innerText, height: document.body.scrollHeight })')) as { pwned: boolean; scripts: number; text: string; height: number };
		await page.screenshot({ path: join(outDir, file), fullPage: true });
		await page.close();
		return state;
	}

	it('renders the email digest, with the <script> name as text', async () => {
		const { findings, heading } = digest();
		const email = emailMessage({ findings, more: 0, severity: findings[0].severity, heading });
		const state = await render(email.html, 'ads-alert-email.png');
		expect(state).toMatchObject({ pwned: false, scripts: 0 });
		expect(state.text).toContain('<script>window.__pwned = true</script> Summer');
		expect(state.text).toContain('cpa on 2026-11-19: 29.75 EUR → 48.20 EUR (+62.0 %)');
		expect(state.height).toBeGreaterThan(400);
	});

	it('renders the Slack digest preview from the Block Kit', async () => {
		const { findings, heading } = digest();
		const message = slackMessage({ findings, more: 0, severity: findings[0].severity, heading });
		const state = await render(slackPreviewHtml(message.blocks as IDataObject[]), 'ads-alert-slack-digest.png');
		expect(state).toMatchObject({ pwned: false, scripts: 0 });
		expect(state.text).toContain('<script>window.__pwned = true</script> Summer');
		expect(state.text).toContain('Open in Google Ads');
	});
});
