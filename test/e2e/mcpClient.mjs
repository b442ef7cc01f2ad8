// A minimal MCP client over streamable HTTP (MCP 2025-03-26), as n8n 2.40's
// MCP Server Trigger v2 serves it at /mcp/<path>: JSON-RPC POSTs, the
// session in the `mcp-session-id` header, answers as JSON or as an SSE
// stream that may stay open after the answer (so it is read event by event).

const PROTOCOL_VERSION = '2025-03-26';

/** Reads SSE events from a fetch body until one carries the JSON-RPC answer to `id`. */
async function answerFromStream(body, id, timeoutMs) {
	const reader = body.getReader();
	const decoder = new TextDecoder();
	const timer = setTimeout(() => reader.cancel().catch(() => {}), timeoutMs);
	let buffer = '';
	try {
		for (;;) {
			const { value, done } = await reader.read();
			if (done) break;
			buffer += decoder.decode(value, { stream: true });
			let end;
			while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
				const event = buffer.slice(0, end);
				buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
				const data = event.split(/\r?\n/).filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()).join('\n');
				if (!data) continue;
				const message = JSON.parse(data);
				if (message.id === id) return message;
			}
		}
	} finally {
		clearTimeout(timer);
		reader.cancel().catch(() => {});
	}
	throw new Error(`the MCP server closed the stream without answering request ${id}`);
}

export class McpHttpClient {
	constructor(url, headers = {}) {
		this.url = url;
		this.headers = headers;
		this.sessionId = undefined;
		this.nextId = 1;
	}

	async post(message, timeoutMs) {
		const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', ...this.headers };
		if (this.sessionId) headers['mcp-session-id'] = this.sessionId;
		const answer = await fetch(this.url, { method: 'POST', headers, body: JSON.stringify(message) });
		this.sessionId = answer.headers.get('mcp-session-id') ?? this.sessionId;
		return answer;
	}

	/** Sends a request; resolves to its `result`, throws on an HTTP or JSON-RPC error. */
	async request(method, params = {}, timeoutMs = 60_000) {
		const id = this.nextId++;
		const answer = await this.post({ jsonrpc: '2.0', id, method, params }, timeoutMs);
		if (!answer.ok) throw new Error(`MCP ${method} answered HTTP ${answer.status}: ${(await answer.text()).slice(0, 300)}`);
		const type = answer.headers.get('content-type') ?? '';
		const message = type.includes('text/event-stream') ? await answerFromStream(answer.body, id, timeoutMs) : await answer.json();
		if (message.error) throw new Error(`MCP ${method} failed: ${JSON.stringify(message.error)}`);
		return message.result;
	}

	async notify(method, params = {}) {
		const answer = await this.post({ jsonrpc: '2.0', method, params });
		await answer.body?.cancel();
		return answer.status;
	}

	/** initialize + notifications/initialized; returns the server's initialize result. */
	async connect() {
		const result = await this.request('initialize', {
			protocolVersion: PROTOCOL_VERSION,
			capabilities: {},
			clientInfo: { name: 'adpilot-e2e', version: '1.0.0' },
		});
		await this.notify('notifications/initialized');
		return result;
	}

	async close() {
		if (!this.sessionId) return;
		await fetch(this.url, { method: 'DELETE', headers: { ...this.headers, 'mcp-session-id': this.sessionId } }).catch(() => undefined);
	}
}
