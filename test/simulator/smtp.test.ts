import { connect } from 'net';

import type { RunningSimulator } from '../../simulator/server';
import { decodeQuotedPrintable, parseMail } from '../../simulator/smtp/mime';
import { startTestSimulator } from './helpers';

/** Speaks SMTP as nodemailer does: one command, one reply; the message body in one DATA block. */
async function sendMail(port: number, from: string, to: string, message: string): Promise<string[]> {
	const socket = connect(port, '127.0.0.1');
	socket.setEncoding('utf8');
	let pending = '';
	const waiters: Array<(reply: string) => void> = [];
	socket.on('data', (chunk: string) => {
		pending += chunk;
		// A reply is complete at "NNN text\r\n" (a dash after the code means more lines follow).
		if (/(^|\r\n)\d{3} [^\r\n]*\r\n$/.test(pending)) {
			const reply = pending;
			pending = '';
			waiters.shift()?.(reply);
		}
	});
	const reply = () => new Promise<string>((resolve) => waiters.push(resolve));
	const say = async (line: string) => {
		const answer = reply();
		socket.write(`${line}\r\n`);
		return await answer;
	};
	const replies = [await reply()];
	for (const line of ['EHLO test', `MAIL FROM:<${from}>`, `RCPT TO:<${to}>`, 'DATA']) replies.push(await say(line));
	// Dot-stuffing: a body line starting with "." is sent as "..".
	replies.push(await say(`${message.replace(/\r?\n\./g, '\r\n..')}\r\n.`));
	replies.push(await say('QUIT'));
	socket.end();
	return replies;
}

const MAIL = [
	'From: AdPilot <adpilot@example.com>',
	'To: approver@example.com',
	'Subject: =?UTF-8?Q?Approve_plan_=E2=9C=93?=',
	'MIME-Version: 1.0',
	'Content-Type: multipart/alternative; boundary="b1"',
	'',
	'--b1',
	'Content-Type: text/plain; charset=utf-8',
	'Content-Transfer-Encoding: quoted-printable',
	'',
	'Approve: http://localhost:5678/webhook-waiting/12/node?approved=3Dtrue&signat=',
	'ure=3Dabc',
	'.a line that began with a dot',
	'--b1',
	'Content-Type: text/html; charset=utf-8',
	'Content-Transfer-Encoding: base64',
	'',
	Buffer.from('<a href="http://x/webhook-waiting/12/node?approved=true&amp;signature=abc">Approve</a>').toString('base64'),
	'--b1--',
];

describe('SMTP sink', () => {
	let sim: RunningSimulator;
	beforeAll(async () => {
		sim = await startTestSimulator({ smtpPort: 0 });
	});
	afterAll(() => sim.close());

	it('accepts a nodemailer-style dialogue and records the decoded mail under /email', async () => {
		const replies = await sendMail(sim.smtpPort as number, 'adpilot@example.com', 'approver@example.com', MAIL.join('\r\n'));
		expect(replies.map((r) => r.slice(0, 3))).toEqual(['220', '250', '250', '250', '354', '250', '221']);
		const [mail] = sim.hookMessages().filter((m) => m.path === '/email');
		const body = mail.body as Record<string, unknown>;
		expect(body).toMatchObject({ from: 'adpilot@example.com', to: ['approver@example.com'], subject: 'Approve plan ✓' });
		// Quoted-printable soft breaks joined and =3D decoded; the dot-stuffed line restored.
		expect(body.text).toContain('http://localhost:5678/webhook-waiting/12/node?approved=true&signature=abc');
		expect(body.text).toContain('\n.a line that began with a dot');
		expect(body.html).toBe('<a href="http://x/webhook-waiting/12/node?approved=true&amp;signature=abc">Approve</a>');
	});
});

describe('MIME reading', () => {
	it('decodes quoted-printable UTF-8 and keeps a literal %', () => {
		expect(decodeQuotedPrintable('50 % =E2=9C=93 soft=\r\nbreak')).toBe('50 % ✓ softbreak');
	});

	it('joins a long subject that nodemailer folded into several encoded words, without inventing spaces', () => {
		const raw = ['Subject: =?UTF-8?Q?AdPilot:_workflow_"E2E"_?=', ' =?UTF-8?Q?failed_at_"Read"?=', '', 'x'].join('\r\n');
		expect(parseMail(raw).subject).toBe('AdPilot: workflow "E2E" failed at "Read"');
	});

	it('lists attachments by file name instead of inlining them', () => {
		const raw = ['Subject: r', 'Content-Type: multipart/mixed; boundary=x', '', '--x', 'Content-Type: text/plain', '', 'hello', '--x', 'Content-Type: text/csv; name="week.csv"', 'Content-Disposition: attachment; filename="week.csv"', '', 'a,b', '--x--'].join('\r\n');
		expect(parseMail(raw)).toMatchObject({ subject: 'r', text: 'hello', html: null, attachments: ['week.csv'] });
	});

	it('keeps each attached or inline part with its Content-ID, disposition and decoded bytes', () => {
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255]);
		const raw = [
			'Subject: r', 'Content-Type: multipart/related; boundary=y', '',
			'--y', 'Content-Type: text/html', '', '<img src="cid:chart">',
			'--y', 'Content-Type: image/png; name=chart.png', 'Content-Transfer-Encoding: base64', 'Content-Disposition: inline; filename=chart.png', 'Content-ID: <chart>', '', png.toString('base64'),
			'--y', 'Content-Type: text/csv; name="week.csv"', 'Content-Disposition: attachment; filename="week.csv"', '', 'a,b',
			'--y--',
		].join('\r\n');
		const mail = parseMail(raw);
		expect(mail.html).toBe('<img src="cid:chart">');
		expect(mail.parts.map(({ contentBase64: _c, ...p }) => p)).toEqual([
			{ filename: 'chart.png', contentType: 'image/png', contentId: 'chart', disposition: 'inline', size: png.length },
			{ filename: 'week.csv', contentType: 'text/csv', contentId: null, disposition: 'attachment', size: 3 },
		]);
		expect(Buffer.from(mail.parts[0].contentBase64, 'base64')).toEqual(png);
		expect(Buffer.from(mail.parts[1].contentBase64, 'base64').toString('utf8')).toBe('a,b');
	});
});
