/**
 * Every line of ad copy checked locally: length as Google counts it,
 * banned words, Google's editorial basics, duplicates; then each variant
 * against the platform minimums and the must-include words. Failing lines
 * are dropped and counted; a variant below the minimum is dropped whole.
 */
import { RSA_LIMITS } from '../../GoogleAds/actions/common/responsiveSearchAd';
import { googleTextLength } from './textWidth';

export type CopyPlatform = 'google' | 'meta';

/** Meta truncates beyond these in most placements (its recommended lengths). */
export const META_LIMITS = { primaryText: 125, headline: 40, description: 30 } as const;

export interface CopyRules {
	bannedWords: string[];
	mustInclude: string[];
}

export interface DroppedLine {
	variant: number;
	field: string;
	text: string;
	reason: string;
}

export interface GoogleCopy {
	headlines: string[];
	descriptions: string[];
	path1: string | null;
	path2: string | null;
}

export interface MetaCopy {
	primaryText: string;
	headline: string;
	description: string | null;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function containsWord(text: string, word: string): boolean {
	return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(word)}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Why a line fails, or null. */
export function lineProblem(text: unknown, maxLength: number, rules: CopyRules, field: string): string | null {
	if (typeof text !== 'string' || text.trim() === '') return 'empty';
	const length = googleTextLength(text);
	if (length > maxLength) return `${length} characters, max ${maxLength}`;
	const banned = rules.bannedWords.find((w) => containsWord(text, w));
	if (banned) return `contains the banned word "${banned}"`;
	if (field === 'headlines' && text.includes('!')) return 'Google does not allow "!" in headlines';
	if (/([!?.,])\1/.test(text)) return 'repeated punctuation';
	if (/[\u0000-\u001f]/.test(text)) return 'control characters';
	return null;
}

function keepLines(raw: unknown, field: string, limits: { min: number; max: number; maxChars: number }, rules: CopyRules, variant: number, dropped: DroppedLine[]): string[] {
	const kept: string[] = [];
	const seen = new Set<string>();
	for (const entry of Array.isArray(raw) ? raw : []) {
		const text = typeof entry === 'string' ? entry.trim() : entry;
		const problem = lineProblem(text, limits.maxChars, rules, field) ?? (seen.has(String(text).toLowerCase()) ? 'duplicate' : kept.length >= limits.max ? `over the maximum of ${limits.max}` : null);
		if (problem) {
			dropped.push({ variant, field, text: String(text ?? '').slice(0, 200), reason: problem });
			continue;
		}
		seen.add(String(text).toLowerCase());
		kept.push(text as string);
	}
	return kept;
}

function missingWords(lines: string[], rules: CopyRules): string[] {
	return rules.mustInclude.filter((word) => !lines.some((line) => containsWord(line, word)));
}

export type VariantResult<T> = { ok: true; copy: T } | { ok: false; reason: string };

export function checkGoogleVariant(raw: Record<string, unknown>, variant: number, rules: CopyRules, dropped: DroppedLine[]): VariantResult<GoogleCopy> {
	const headlines = keepLines(raw.headlines, 'headlines', RSA_LIMITS.headlines, rules, variant, dropped);
	const descriptions = keepLines(raw.descriptions, 'descriptions', RSA_LIMITS.descriptions, rules, variant, dropped);
	const path = (field: 'path1' | 'path2'): string | null => {
		const value = raw[field];
		if (value === null || value === undefined || value === '') return null;
		const problem = lineProblem(value, RSA_LIMITS.pathChars, rules, field) ?? (/\s/.test(String(value)) ? 'spaces are not allowed in display paths' : null);
		if (problem) dropped.push({ variant, field, text: String(value).slice(0, 200), reason: problem });
		return problem ? null : String(value);
	};
	const path1 = path('path1');
	const path2 = path1 === null ? null : path('path2');
	if (headlines.length < RSA_LIMITS.headlines.min) return { ok: false, reason: `${headlines.length} valid headline(s), Google needs ${RSA_LIMITS.headlines.min}` };
	if (descriptions.length < RSA_LIMITS.descriptions.min) return { ok: false, reason: `${descriptions.length} valid description(s), Google needs ${RSA_LIMITS.descriptions.min}` };
	const missing = missingWords([...headlines, ...descriptions], rules);
	if (missing.length > 0) return { ok: false, reason: `missing must-include word(s): ${missing.join(', ')}` };
	return { ok: true, copy: { headlines, descriptions, path1, path2 } };
}

export function checkMetaVariant(raw: Record<string, unknown>, variant: number, rules: CopyRules, dropped: DroppedLine[]): VariantResult<MetaCopy> {
	const line = (field: keyof MetaCopy, required: boolean): string | null | false => {
		const value = typeof raw[field] === 'string' ? (raw[field] as string).trim() : raw[field];
		if (!required && (value === null || value === undefined || value === '')) return null;
		const problem = lineProblem(value, META_LIMITS[field], rules, field);
		if (problem) {
			dropped.push({ variant, field, text: String(value ?? '').slice(0, 200), reason: problem });
			return required ? false : null;
		}
		return value as string;
	};
	const primaryText = line('primaryText', true);
	const headline = line('headline', true);
	const description = line('description', false);
	if (primaryText === false || headline === false) return { ok: false, reason: 'primary text and headline are required' };
	const copy: MetaCopy = { primaryText: primaryText as string, headline: headline as string, description: description || null };
	const missing = missingWords([copy.primaryText, copy.headline, copy.description ?? ''], rules);
	if (missing.length > 0) return { ok: false, reason: `missing must-include word(s): ${missing.join(', ')}` };
	return { ok: true, copy };
}
