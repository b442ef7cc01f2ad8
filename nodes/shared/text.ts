/**
 * "a" or "an" before a noun, by its first letter: "an ad", "an Ad Set", "a
 * campaign". Enough for the nouns node labels use (no "a user" / "an hour" cases).
 */
export function withArticle(noun: string): string {
	return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
