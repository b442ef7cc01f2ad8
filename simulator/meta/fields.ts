/**
 * The `fields` parameter: `id,name,creative{id,name}` → a tree of requested
 * fields. Modifiers such as `.limit(5)` are accepted and ignored.
 */
export interface FieldSpec {
	name: string;
	children?: FieldSpec[];
}

export function parseFields(text: string | undefined): FieldSpec[] | undefined {
	if (text === undefined || text.trim() === '') return undefined;
	const trimmed = text.trim();
	// Some clients send a JSON array of names.
	if (trimmed.startsWith('[')) return (JSON.parse(trimmed) as unknown[]).map((name) => ({ name: String(name) }));
	let position = 0;
	const parseList = (): FieldSpec[] => {
		const specs: FieldSpec[] = [];
		while (position < trimmed.length && trimmed[position] !== '}') {
			let name = '';
			while (position < trimmed.length && !',{}'.includes(trimmed[position])) name += trimmed[position++];
			const spec: FieldSpec = { name: name.trim().replace(/\..*$/, '') };
			if (trimmed[position] === '{') {
				position++;
				spec.children = parseList();
				position++; // past '}'
			}
			if (spec.name !== '') specs.push(spec);
			if (trimmed[position] === ',') position++;
		}
		return specs;
	};
	return parseList();
}

export function fieldNames(specs: FieldSpec[]): string[] {
	return specs.map((s) => s.name);
}
