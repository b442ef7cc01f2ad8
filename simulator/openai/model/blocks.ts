/** Reading the <data> blocks of an AdPilot prompt, as a deterministic stand-in model would "read" them. */
export type Json = Record<string, unknown>;

export function dataBlocks(text: string): Map<string, string> {
	const blocks = new Map<string, string>();
	const pattern = /<data name="([^"]+)">\n([\s\S]*?)\n<\/data>/g;
	for (let m = pattern.exec(text); m; m = pattern.exec(text)) blocks.set(m[1], m[2]);
	return blocks;
}

export function jsonBlock(blocks: Map<string, string>, name: string): Json {
	try {
		const value: unknown = JSON.parse(blocks.get(name) ?? '{}');
		return typeof value === 'object' && value !== null ? (value as Json) : {};
	} catch {
		return {};
	}
}

/** The entities block holds one JSON object per line. */
export function entityLines(blocks: Map<string, string>): Json[] {
	return (blocks.get('entities') ?? '')
		.split('\n')
		.filter(Boolean)
		.flatMap((line) => {
			try {
				return [JSON.parse(line) as Json];
			} catch {
				return [];
			}
		});
}

export function num(v: unknown): number | null {
	return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Words of the product text, for names and copy. */
export function words(text: unknown): string[] {
	return String(text ?? '')
		.replace(/[^\p{L}\p{N} ]/gu, ' ')
		.split(/\s+/)
		.filter((w) => w.length > 2);
}

export function fit(text: string, max: number): string {
	if ([...text].length <= max) return text;
	return [...text].slice(0, max).join('').replace(/\s+\S*$/, '').trim();
}

export function titleCase(text: string): string {
	return text.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
