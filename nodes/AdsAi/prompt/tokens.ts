/**
 * A token count that never undercounts, without shipping a tokenizer (no
 * runtime dependencies). It follows how GPT tokenizers pre-split text:
 * - digits go in groups of at most 3, one token per group;
 * - an ASCII punctuation character is at most one token;
 * - a token is at least one byte, so a non-ASCII character costs at most its UTF-8 bytes;
 * - ASCII letters: at most 0.8 tokens per letter (random letters measure ≤ 0.75
 *   with o200k; English words are far below);
 * - a whitespace run: at most one token per two characters (at least one).
 * The tests check the bound against the real tokenizer (`gpt-tokenizer`, a
 * devDependency) on prompts we build and on random text of every class.
 */
const MESSAGE_OVERHEAD = 8;

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
		if (isDigit(code) || isLetter(code) || isSpace(code)) {
			const test = isDigit(code) ? isDigit : isLetter(code) ? isLetter : isSpace;
			let end = i + 1;
			while (end < text.length && test(text.charCodeAt(end))) end++;
			const run = end - i;
			tokens += test === isDigit ? Math.ceil(run / 3) : test === isLetter ? Math.ceil(run * 0.8) : Math.ceil(run / 2);
			i = end;
		} else if (code < 0x80) {
			tokens += 1;
			i++;
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
