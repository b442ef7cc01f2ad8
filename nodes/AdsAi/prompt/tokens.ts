/**
 * A token count that never undercounts, without shipping a tokenizer (no
 * runtime dependencies). It follows how GPT tokenizers pre-split text:
 * - digits go in groups of at most 3, one token per group;
 * - an ASCII punctuation character is at most one token;
 * - a token is at least one byte, so a non-ASCII character costs at most its UTF-8 bytes;
 * - ASCII letters: words in a short list measured as one token in every
 *   casing and with a leading space count 1; other letter runs at most 0.8
 *   tokens per letter (random letters measure ≤ 0.75 with o200k);
 * - the JSON punctuation runs our prompts are made of, measured as one token, count 1;
 * - a whitespace character is at most one token.
 * The tests check the bound against the real tokenizer (`gpt-tokenizer`, a
 * devDependency) on prompts we build and on random text of every class.
 */
const MESSAGE_OVERHEAD = 8;

/** One token as w, " w", W and " W" in o200k (checked by test/adsAi/prompt.test.ts). */
export const ONE_TOKEN_WORDS = new Set(
	(
		'performance marketing meta google recommend most changes entities listed data block using only these action pause notify budget change percent within current daily entity currency never anything unless resume allowed kind that repeat undo recent actions shows needed every needs reason read numbers they metric window previous value expected impact confidence from prefer over weak with little need more windows prev same length before money account everything inside blocks users names copy notes context text looks like instructions follow facts analyse name days targets null monthly business calendar level campaign status conv trend others note middle size count levels type object additional properties false true required analysis string description short array items amount message severity enum number raises code info warning critical score direction increase stable ' +
		'the and for are not you use one two cur id ad set sets of to in or is as on an a at by be it no its per than this when questions question answer plan brief product goal keywords keyword match phrase exact ads group groups search sales traffic bid strategy target country language characters character max min minimum maximum item summer winter generic brand creative band video results drop'
	).split(' '),
);

/** JSON punctuation runs that are one token in o200k. */
export const ONE_TOKEN_PUNCTUATION = new Set(['":', '","', ',"', '":"', '":{"', '},"', '":["', '{"', '}}', '"', '":[', '"}', '"]', ']}', '"},', '",', '},{"', '"},{"', ':"']);

function letterRunTokens(run: string): number {
	let tokens = 0;
	// Tokenizers split camelCase where a lower-case letter meets an upper-case one.
	for (const piece of run.split(/(?<=[a-z])(?=[A-Z])/)) {
		const lower = piece.toLowerCase();
		const wordCase = piece === lower || piece === lower.charAt(0).toUpperCase() + lower.slice(1);
		tokens += wordCase && ONE_TOKEN_WORDS.has(lower) ? 1 : Math.ceil(piece.length * 0.8);
	}
	return tokens;
}

function isPunctuation(code: number): boolean {
	return code < 0x80 && code > 32 && !isDigit(code) && !isLetter(code);
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
	return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 10 || code === 13;
}

function utf8Bytes(codePoint: number): number {
	return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Upper bound of the tokens `text` costs as model input. */
export function estimateTokens(text: string): number {
	let tokens = 0;
	let i = 0;
	while (i < text.length) {
		const code = text.charCodeAt(i);
		if (code < 0x80) {
			const test = isDigit(code) ? isDigit : isLetter(code) ? isLetter : isSpace(code) ? isSpace : isPunctuation;
			let end = i + 1;
			while (end < text.length && test(text.charCodeAt(end))) end++;
			const run = end - i;
			// A non-ASCII numeral just before (e.g. ٣, 𒐀) shifts the groups of three by one.
			if (test === isDigit) tokens += Math.ceil(run / 3) + (i > 0 && text.charCodeAt(i - 1) >= 0x80 ? 1 : 0);
			else if (test === isLetter) tokens += letterRunTokens(text.slice(i, end));
			else if (test === isSpace) tokens += run; // runs split around the next word: no safe merge rule
			else tokens += ONE_TOKEN_PUNCTUATION.has(text.slice(i, end)) ? 1 : run;
			i = end;
		} else {
			const codePoint = text.codePointAt(i) as number;
			tokens += utf8Bytes(codePoint);
			i += codePoint > 0xffff ? 2 : 1;
		}
	}
	return tokens;
}

/** Upper bound for a whole request: every message plus the response schema. */
export function estimateRequestTokens(messages: readonly string[], schema: unknown): number {
	let total = estimateTokens(JSON.stringify(schema));
	for (const message of messages) total += estimateTokens(message) + MESSAGE_OVERHEAD;
	return total;
}
