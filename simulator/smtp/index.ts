/**
 * A local SMTP sink for n8n's Send Email node (and its Send and Wait for
 * Response operation): speaks enough SMTP for nodemailer without TLS or
 * auth checks, and hands every message to the hooks recorder under
 * `/email`, so `GET /hooks` shows mails beside Slack/Telegram posts and the
 * e2e run can read an approval link out of one.
 */
import { createServer, type Server, type Socket } from 'net';
import { parseMail, type ParsedMail } from './mime';

export interface SmtpMessage extends ParsedMail {
	from: string;
	to: string[];
}

export interface SmtpSink {
	port: number;
	close(): Promise<void>;
}

/** Largest message accepted, so a runaway client cannot exhaust memory. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

function address(argument: string): string {
	return /<([^>]*)>/.exec(argument)?.[1] ?? argument.trim();
}

function serveSession(socket: Socket, onMessage: (message: SmtpMessage) => void): void {
	let buffer = '';
	let inData = false;
	let from = '';
	let to: string[] = [];
	const reply = (line: string) => socket.write(`${line}\r\n`);
	const command = (line: string) => {
		const verb = line.slice(0, 4).toUpperCase();
		const argument = line.slice(line.indexOf(':') + 1);
		if (verb === 'EHLO') socket.write('250-adpilot-sim\r\n250-SIZE 10485760\r\n250 8BITMIME\r\n');
		else if (verb === 'HELO') reply('250 adpilot-sim');
		else if (verb === 'MAIL') {
			from = address(argument);
			to = [];
			reply('250 OK');
		} else if (verb === 'RCPT') {
			to.push(address(argument));
			reply('250 OK');
		} else if (verb === 'DATA') {
			inData = true;
			reply('354 End data with <CR><LF>.<CR><LF>');
		} else if (verb === 'RSET') reply('250 OK');
		else if (verb === 'NOOP') reply('250 OK');
		else if (verb === 'QUIT') {
			reply('221 Bye');
			socket.end();
		} else reply('502 Command not implemented');
	};
	socket.setEncoding('utf8');
	socket.on('data', (chunk: string) => {
		buffer += chunk;
		if (buffer.length > MAX_MESSAGE_BYTES) {
			reply('552 Message too large');
			socket.destroy();
			return;
		}
		for (;;) {
			if (inData) {
				const end = buffer.indexOf('\r\n.\r\n');
				if (end < 0) return;
				const raw = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
				buffer = buffer.slice(end + 5);
				inData = false;
				onMessage({ from, to, ...parseMail(raw) });
				reply('250 OK: queued');
				continue;
			}
			const newline = buffer.indexOf('\r\n');
			if (newline < 0) return;
			const line = buffer.slice(0, newline);
			buffer = buffer.slice(newline + 2);
			command(line);
		}
	});
	socket.on('error', () => socket.destroy());
	reply('220 adpilot-sim ESMTP');
}

export async function startSmtpSink(port: number, host: string, onMessage: (message: SmtpMessage) => void): Promise<SmtpSink> {
	const sockets = new Set<Socket>();
	const server: Server = createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		serveSession(socket, onMessage);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	const address = server.address();
	return {
		port: typeof address === 'object' && address ? address.port : port,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}
