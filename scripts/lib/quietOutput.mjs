// What `npm start` leaves out of n8n's output: the two warnings n8n 2.40 prints
// on every start of a local instance whose task runners run inside it
// ("internal" mode, the only mode without a separate launcher), and that no
// setting turns off. Everything else passes, including other deprecations.
import { Transform } from 'node:stream';

/** Lines that are only about the internal runner mode and the missing Python runner. */
export const SANDBOX_NOISE = [/^Failed to start Python task runner in internal mode\b/, /^ - N8N_RUNNERS_MODE -> Internal task runner mode is deprecated/];
// n8n says "There are deprecations …" or, with only one, "There is a deprecation …".
const DEPRECATIONS_HEADER = /^There (are deprecations|is a deprecation) related to your n8n setup/;
const DEPRECATION = /^ - [A-Z0-9_]+ -> /;

/**
 * A line filter. The deprecations header is held back until a deprecation
 * that is not noise follows it, so it never stands alone above nothing.
 */
export function sandboxOutputFilter() {
	let partial = '';
	let heldHeader;
	const keep = (line) => {
		if (heldHeader !== undefined) {
			if (DEPRECATION.test(line)) {
				if (SANDBOX_NOISE.some((p) => p.test(line))) return '';
				const out = `${heldHeader}\n${line}\n`;
				heldHeader = undefined;
				return out;
			}
			if (line.trim() === '') return ''; // blank lines inside the block
			heldHeader = undefined;
		}
		if (DEPRECATIONS_HEADER.test(line)) {
			heldHeader = line;
			return '';
		}
		return SANDBOX_NOISE.some((p) => p.test(line)) ? '' : `${line}\n`;
	};
	return new Transform({
		transform(chunk, _encoding, done) {
			const lines = (partial + chunk.toString('utf8')).split('\n');
			partial = lines.pop();
			done(null, lines.map(keep).join(''));
		},
		flush(done) {
			// The last line had no newline of its own: add none.
			done(null, partial ? keep(partial).replace(/\n$/, '') : '');
		},
	});
}
