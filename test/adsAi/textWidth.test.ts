import { googleTextLength, isDoubleWidth } from '../../nodes/AdsAi/checks/textWidth';
import { lineProblem } from '../../nodes/AdsAi/checks/copy';

describe('Google ad text length', () => {
	it.each([
		['Trail Shoes', 11],
		['Zapatillas de montaña', 21],
		['日本語', 6],
		['한국어 광고', 11],
		['ＡＢＣ', 6], // fullwidth Latin
		['Acme 東京', 9],
		['', 0],
	])('%j counts %i', (text, length) => {
		expect(googleTextLength(text)).toBe(length);
	});

	it('knows the double-width blocks', () => {
		expect(isDoubleWidth('中'.codePointAt(0) as number)).toBe(true);
		expect(isDoubleWidth('é'.codePointAt(0) as number)).toBe(false);
		expect(isDoubleWidth('𠀀'.codePointAt(0) as number)).toBe(true);
	});

	it('a 16-character Japanese headline is over the 30 limit; a 15-character one fits', () => {
		const rules = { bannedWords: [], mustInclude: [] };
		expect(lineProblem('あ'.repeat(15), 30, rules, 'headlines')).toBeNull();
		expect(lineProblem('あ'.repeat(16), 30, rules, 'headlines')).toBe('32 characters, max 30');
		expect(lineProblem('a'.repeat(30), 30, rules, 'headlines')).toBeNull();
	});
});
