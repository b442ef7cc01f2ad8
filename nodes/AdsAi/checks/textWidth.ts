/**
 * Characters as Google Ads counts them for ad text limits: double-width
 * characters (Chinese, Japanese, Korean and other East Asian wide or
 * fullwidth forms) count 2, everything else 1 per code point.
 */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
	[0x1100, 0x115f], // Hangul Jamo initials
	[0x2e80, 0x303e], // CJK radicals, Kangxi, CJK symbols and punctuation
	[0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, compatibility Jamo, CJK compatibility
	[0x3400, 0x4dbf], // CJK extension A
	[0x4e00, 0x9fff], // CJK unified ideographs
	[0xa000, 0xa4cf], // Yi
	[0xa960, 0xa97f], // Hangul Jamo extended A
	[0xac00, 0xd7a3], // Hangul syllables
	[0xf900, 0xfaff], // CJK compatibility ideographs
	[0xfe10, 0xfe19], // vertical forms
	[0xfe30, 0xfe6f], // CJK compatibility forms, small forms
	[0xff00, 0xff60], // fullwidth forms
	[0xffe0, 0xffe6], // fullwidth signs
	[0x1f300, 0x1f64f], // pictographs, emoticons
	[0x1f900, 0x1f9ff], // supplemental symbols and pictographs
	[0x20000, 0x3fffd], // CJK extensions B and later
];

export function isDoubleWidth(codePoint: number): boolean {
	for (const [low, high] of WIDE_RANGES) {
		if (codePoint < low) return false;
		if (codePoint <= high) return true;
	}
	return false;
}

/** Length of `text` under Google's ad text limits. */
export function googleTextLength(text: string): number {
	let length = 0;
	for (const ch of text) length += isDoubleWidth(ch.codePointAt(0) as number) ? 2 : 1;
	return length;
}
