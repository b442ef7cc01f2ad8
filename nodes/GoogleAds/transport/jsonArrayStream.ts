/**
 * Splits a streamed top-level JSON array (`[{...},{...}]`) into its elements
 * as they complete, so searchStream chunks are handled while later ones are
 * still arriving and memory stays at one chunk. Elements must be objects
 * or arrays, which is all Google sends.
 *
 * Each byte is scanned once: the unfinished element is kept as a list of
 * pieces and joined once when it closes. (Appending every network read to
 * one growing string re-copied the element on each read: a 10,000-row
 * chunk is ~4.7 M characters arriving in 64 KB reads, so a 57k-row report
 * spent seconds and hundreds of MB of garbage on copies.)
 */
export class JsonArraySplitter {
	// stream: true keeps a UTF-8 character split across chunks whole.
	private decoder = new TextDecoder('utf-8');
	/** Text of the unfinished element from earlier pushes. */
	private pieces: string[] = [];
	/** An element has opened and not closed yet. */
	private open = false;
	private depth = 0;
	private inString = false;
	private escaped = false;

	/** Feeds bytes; returns the elements completed by them, as JSON text. */
	push(chunk: Buffer | string): string[] {
		const text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
		const done: string[] = [];
		// Where the open element starts in this text.
		let start = this.open ? 0 : -1;
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (this.inString) {
				if (this.escaped) this.escaped = false;
				else if (c === 92 /* \ */) this.escaped = true;
				else if (c === 34 /* " */) this.inString = false;
				continue;
			}
			if (c === 34) {
				this.inString = true;
			} else if (c === 123 /* { */ || c === 91 /* [ */) {
				if (this.depth === 1 && !this.open) {
					this.open = true;
					start = i;
				}
				this.depth++;
			} else if (c === 125 /* } */ || c === 93 /* ] */) {
				this.depth--;
				if (this.depth === 1 && this.open) {
					const tail = text.slice(start, i + 1);
					done.push(this.pieces.length ? this.pieces.join('') + tail : tail);
					this.pieces = [];
					this.open = false;
					start = -1;
				}
			}
		}
		// Keep only the unfinished element.
		if (this.open) this.pieces.push(start === 0 ? text : text.slice(start));
		return done;
	}

	/** True when nothing is half-read: the array closed cleanly (or never opened). */
	get finished(): boolean {
		return this.depth === 0 && !this.open && !this.inString;
	}
}
