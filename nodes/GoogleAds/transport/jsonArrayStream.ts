/**
 * Splits a streamed top-level JSON array (`[{...},{...}]`) into its elements
 * as they complete, so searchStream chunks are handled while later ones are
 * still arriving and memory stays at one chunk. Elements must be objects
 * or arrays, which is all Google sends.
 */
export class JsonArraySplitter {
	// stream: true keeps a UTF-8 character split across chunks whole.
	private decoder = new TextDecoder('utf-8');
	private buf = '';
	private pos = 0;
	private start = -1;
	private depth = 0;
	private inString = false;
	private escaped = false;

	/** Feeds bytes; returns the elements completed by them, as JSON text. */
	push(chunk: Buffer | string): string[] {
		this.buf += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
		const done: string[] = [];
		const buf = this.buf;
		for (let i = this.pos; i < buf.length; i++) {
			const c = buf.charCodeAt(i);
			if (this.inString) {
				if (this.escaped) this.escaped = false;
				else if (c === 92 /* \ */) this.escaped = true;
				else if (c === 34 /* " */) this.inString = false;
				continue;
			}
			if (c === 34) {
				this.inString = true;
			} else if (c === 123 /* { */ || c === 91 /* [ */) {
				if (this.depth === 1 && this.start < 0) this.start = i;
				this.depth++;
			} else if (c === 125 /* } */ || c === 93 /* ] */) {
				this.depth--;
				if (this.depth === 1 && this.start >= 0) {
					done.push(buf.slice(this.start, i + 1));
					this.start = -1;
				}
			}
		}
		// Keep only the unfinished element.
		if (this.start >= 0) {
			this.buf = buf.slice(this.start);
			this.pos = this.buf.length;
			this.start = 0;
		} else {
			this.buf = '';
			this.pos = 0;
		}
		return done;
	}

	/** True when nothing is half-read: the array closed cleanly (or never opened). */
	get finished(): boolean {
		return this.depth === 0 && this.start < 0 && !this.inString;
	}
}
