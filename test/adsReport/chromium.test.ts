/**
 * The email HTML in a real browser engine (Debian's chromium through
 * playwright-core): images resolve (the cid: reference replaced by the PNG,
 * as a mail client does), no script runs from a hostile name, the layout
 * fits its 688 px frame, and the PDF variant prints. Screenshots and the PDF
 * are kept under test/adsReport/artifacts/ (git-ignored); UPDATE_DOCS=1
 * refreshes docs/ads-report.png for the README.
 *
 * Skips with a message when chromium is missing locally; fails in CI.
 */
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Browser } from 'playwright-core';

import { AdsReport } from '../../nodes/AdsReport/AdsReport.node';
import { binaryBuffer, reportContext } from './context';
import { anomalyItems, auditItems, fixtureRows, forecastSummary } from './fixture';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, 'artifacts');
const available = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';

if (!available && !inCi) {
	// eslint-disable-next-line no-console
	console.warn(`Ads Report browser test skipped: no chromium at ${CHROMIUM} (set CHROMIUM_PATH; in CI this test fails instead).`);
}

const describeBrowser = available || inCi ? describe : describe.skip;

describeBrowser('Ads Report HTML in headless Chromium', () => {
	let browser: Browser;

	beforeAll(async () => {
		if (!available) throw new Error(`chromium is required in CI but was not found at ${CHROMIUM}`);
		const { chromium } = await import('playwright-core');
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
		});
		mkdirSync(ARTIFACTS, { recursive: true });
	}, 60_000);

	afterAll(async () => {
		await browser?.close();
	});

	it('renders the email: charts load, names stay text, the layout fits', async () => {
		const [[item]] = await new AdsReport().execute.call(reportContext(fixtureRows(), [...anomalyItems(), ...auditItems(), forecastSummary()], { monthlyBudget: 400, budgetCurrency: 'EUR' }));
		let html = item.json.html as string;
		for (const cid of ['chart_EUR', 'chart_USD']) html = html.split(`cid:${cid}`).join(`data:image/png;base64,${binaryBuffer(item, cid).toString('base64')}`);
		const page = await browser.newPage({ viewport: { width: 760, height: 1000 } });
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		await page.route('**/*', (route) => route.abort()); // nothing may be fetched from the network
		await page.setContent(html, { waitUntil: 'load' });
		// Browser-side code as a string: the test tsconfig has no DOM types.
		const facts = (await page.evaluate(`({
			images: Array.from(document.images).map((img) => ({ complete: img.complete, naturalWidth: img.naturalWidth, width: img.getBoundingClientRect().width })),
			scripts: document.scripts.length,
			frameWidth: document.querySelector('table table').getBoundingClientRect().width,
			text: document.body.innerText,
		})`)) as { images: unknown[]; scripts: number; frameWidth: number; text: string };
		expect(dialogs).toEqual([]);
		expect(facts.scripts).toBe(0);
		expect(facts.images).toEqual([
			{ complete: true, naturalWidth: 1280, width: 640 },
			{ complete: true, naturalWidth: 1280, width: 640 },
		]);
		expect(facts.frameWidth).toBeLessThanOrEqual(690);
		expect(facts.text).toContain('Search <script>alert(1)</script>');
		expect(facts.text).toContain('Amounts are grouped by currency (EUR, USD)');
		const shot = join(ARTIFACTS, 'ads-report-email.png');
		await page.screenshot({ path: shot, fullPage: true });
		if (process.env.UPDATE_DOCS === '1') copyFileSync(shot, join(__dirname, '..', '..', 'docs', 'ads-report.png'));
		await page.close();
	}, 60_000);

	it('prints the PDF-ready variant with its SVG chart', async () => {
		const [[item]] = await new AdsReport().execute.call(reportContext(fixtureRows().filter((r) => r.currency === 'EUR'), null, { operation: 'executiveReport' }));
		const page = await browser.newPage();
		await page.route('**/*', (route) => route.abort());
		await page.setContent(binaryBuffer(item, 'pdfHtml').toString('utf8'), { waitUntil: 'load' });
		const polylines = (await page.evaluate("document.querySelectorAll('svg polyline').length")) as number;
		expect(polylines).toBeGreaterThanOrEqual(4); // spend and conversions for Meta and Google
		const pdf = await page.pdf({ format: 'A4', printBackground: true });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		writeFileSync(join(ARTIFACTS, 'ads-report.pdf'), pdf);
		await page.screenshot({ path: join(ARTIFACTS, 'ads-report-pdf-variant.png'), fullPage: true });
		await page.close();
	}, 60_000);
});
