/**
 * A small GAQL parser: SELECT fields FROM resource [WHERE a AND b ...]
 * [ORDER BY f [ASC|DESC], ...] [LIMIT n]. Enough for AdPilot's queries and
 * for realistic errors; not Google's full grammar.
 */
import { googleError, SimFailure } from './failure';

export type Operator =
	| '=' | '!=' | '>' | '>=' | '<' | '<='
	| 'IN' | 'NOT IN' | 'LIKE' | 'NOT LIKE' | 'BETWEEN' | 'DURING' | 'IS NULL' | 'IS NOT NULL'
	| 'CONTAINS ANY' | 'CONTAINS ALL' | 'CONTAINS NONE';

export type Literal = string | number | boolean;

export interface Condition {
	field: string;
	op: Operator;
	/** One value, two for BETWEEN, a list for IN; the preset name for DURING. */
	values: Literal[];
}

export interface Ordering {
	field: string;
	desc: boolean;
}

export interface GaqlQuery {
	fields: string[];
	resource: string;
	where: Condition[];
	orderBy: Ordering[];
	limit?: number;
}

interface Token {
	type: 'word' | 'string' | 'number' | 'punct';
	text: string;
	pos: number;
}

function queryError(code: string, message: string, trigger?: string): SimFailure {
	return new SimFailure(400, [googleError('queryError', code, message, { trigger })]);
}

function tokenize(query: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < query.length) {
		const c = query[i];
		if (/\s/.test(c)) {
			i++;
		} else if (c === "'" || c === '"') {
			let j = i + 1;
			let text = '';
			while (j < query.length && query[j] !== c) {
				if (query[j] === '\\' && j + 1 < query.length) j++;
				text += query[j++];
			}
			if (j >= query.length) throw queryError('UNEXPECTED_END_OF_QUERY', `Unterminated string starting at position ${i}.`);
			tokens.push({ type: 'string', text, pos: i });
			i = j + 1;
		} else if (/[-\d]/.test(c) && /[-\d.]/.test(query[i + 1] ?? '') && !/[A-Za-z_]/.test(query[i - 1] ?? '')) {
			const m = /^-?\d+(\.\d+)?/.exec(query.slice(i))!;
			tokens.push({ type: 'number', text: m[0], pos: i });
			i += m[0].length;
		} else if (/\d/.test(c)) {
			const m = /^\d+(\.\d+)?/.exec(query.slice(i))!;
			tokens.push({ type: 'number', text: m[0], pos: i });
			i += m[0].length;
		} else if (/[A-Za-z_]/.test(c)) {
			const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(query.slice(i))!;
			tokens.push({ type: 'word', text: m[0], pos: i });
			i += m[0].length;
		} else if (query.startsWith('!=', i) || query.startsWith('>=', i) || query.startsWith('<=', i)) {
			tokens.push({ type: 'punct', text: query.slice(i, i + 2), pos: i });
			i += 2;
		} else if ('=<>(),'.includes(c)) {
			tokens.push({ type: 'punct', text: c, pos: i });
			i++;
		} else {
			throw queryError('UNEXPECTED_INPUT', `Error in query: unexpected input '${c}' at position ${i}.`, c);
		}
	}
	return tokens;
}

class Parser {
	private i = 0;
	constructor(private readonly tokens: Token[]) {}

	peek(offset = 0): Token | undefined {
		return this.tokens[this.i + offset];
	}

	isKeyword(word: string, offset = 0): boolean {
		const t = this.peek(offset);
		return t?.type === 'word' && t.text.toUpperCase() === word;
	}

	next(what: string): Token {
		const t = this.tokens[this.i++];
		if (!t) throw queryError('UNEXPECTED_END_OF_QUERY', `Error in query: unexpected end of query, expected ${what}.`);
		return t;
	}

	expectKeyword(word: string): void {
		const t = this.next(word);
		if (t.type !== 'word' || t.text.toUpperCase() !== word) {
			throw queryError('UNEXPECTED_INPUT', `Error in query: expected ${word} at position ${t.pos}, got '${t.text}'.`, t.text);
		}
	}

	field(clause: string): string {
		const t = this.next(`a field in ${clause}`);
		if (t.type !== 'word') {
			throw queryError('UNEXPECTED_INPUT', `Error in ${clause} clause: expected a field name at position ${t.pos}, got '${t.text}'.`, t.text);
		}
		return t.text;
	}

	literal(): Literal {
		const t = this.next('a value');
		if (t.type === 'string') return t.text;
		if (t.type === 'number') return Number(t.text);
		if (t.type === 'word') {
			const upper = t.text.toUpperCase();
			if (upper === 'TRUE') return true;
			if (upper === 'FALSE') return false;
			return t.text; // enum value
		}
		throw queryError('UNEXPECTED_INPUT', `Error in WHERE clause: expected a value at position ${t.pos}, got '${t.text}'.`, t.text);
	}

	list(): Literal[] {
		const open = this.next('(');
		if (open.text !== '(') throw queryError('UNEXPECTED_INPUT', `Error in WHERE clause: expected '(' at position ${open.pos}.`, open.text);
		const values: Literal[] = [];
		if (this.peek()?.text === ')') {
			this.i++;
			return values;
		}
		for (;;) {
			values.push(this.literal());
			const t = this.next("',' or ')'");
			if (t.text === ')') return values;
			if (t.text !== ',') throw queryError('UNEXPECTED_INPUT', `Error in WHERE clause: expected ',' at position ${t.pos}.`, t.text);
		}
	}

	condition(): Condition {
		const field = this.field('WHERE');
		const t = this.next('an operator');
		const upper = t.text.toUpperCase();
		if (t.type === 'punct' && ['=', '!=', '>', '>=', '<', '<='].includes(t.text)) {
			return { field, op: t.text as Operator, values: [this.literal()] };
		}
		if (upper === 'IN') return { field, op: 'IN', values: this.list() };
		if (upper === 'LIKE') return { field, op: 'LIKE', values: [this.literal()] };
		if (upper === 'DURING') return { field, op: 'DURING', values: [this.next('a date range').text.toUpperCase()] };
		if (upper === 'BETWEEN') {
			const from = this.literal();
			this.expectKeyword('AND');
			return { field, op: 'BETWEEN', values: [from, this.literal()] };
		}
		if (upper === 'NOT') {
			const n = this.next('IN or LIKE').text.toUpperCase();
			if (n === 'IN') return { field, op: 'NOT IN', values: this.list() };
			if (n === 'LIKE') return { field, op: 'NOT LIKE', values: [this.literal()] };
		}
		if (upper === 'IS') {
			if (this.isKeyword('NOT')) {
				this.i++;
				this.expectKeyword('NULL');
				return { field, op: 'IS NOT NULL', values: [] };
			}
			this.expectKeyword('NULL');
			return { field, op: 'IS NULL', values: [] };
		}
		if (upper === 'CONTAINS') {
			const which = this.next('ANY, ALL or NONE').text.toUpperCase();
			if (which === 'ANY' || which === 'ALL' || which === 'NONE') {
				return { field, op: `CONTAINS ${which}` as Operator, values: this.list() };
			}
		}
		throw queryError('UNEXPECTED_INPUT', `Error in WHERE clause: invalid operator '${t.text}' at position ${t.pos}.`, t.text);
	}

	parse(): GaqlQuery {
		this.expectKeyword('SELECT');
		const fields = [this.field('SELECT')];
		while (this.peek()?.text === ',') {
			this.i++;
			fields.push(this.field('SELECT'));
		}
		this.expectKeyword('FROM');
		const resourceToken = this.next('a resource');
		const query: GaqlQuery = { fields, resource: resourceToken.text, where: [], orderBy: [] };
		if (this.isKeyword('WHERE')) {
			this.i++;
			query.where.push(this.condition());
			while (this.isKeyword('AND')) {
				this.i++;
				query.where.push(this.condition());
			}
			if (this.isKeyword('OR')) throw queryError('UNEXPECTED_INPUT', 'Error in WHERE clause: OR is not supported; use IN.', 'OR');
		}
		if (this.isKeyword('ORDER')) {
			this.i++;
			this.expectKeyword('BY');
			for (;;) {
				const field = this.field('ORDER BY');
				let desc = false;
				if (this.isKeyword('DESC') || this.isKeyword('ASC')) desc = this.next('ASC/DESC').text.toUpperCase() === 'DESC';
				query.orderBy.push({ field, desc });
				if (this.peek()?.text !== ',') break;
				this.i++;
			}
		}
		if (this.isKeyword('LIMIT')) {
			this.i++;
			const t = this.next('a number');
			if (t.type !== 'number' || !/^\d+$/.test(t.text)) {
				throw queryError('INVALID_VALUE_WITH_LIMIT', `Error in LIMIT clause: '${t.text}' is not a positive integer.`, t.text);
			}
			query.limit = Number(t.text);
		}
		if (this.isKeyword('PARAMETERS')) this.i = this.tokens.length; // accepted, ignored
		const extra = this.peek();
		if (extra) throw queryError('UNEXPECTED_INPUT', `Error in query: unexpected input '${extra.text}' at position ${extra.pos}.`, extra.text);
		return query;
	}
}

export function parseGaql(query: string): GaqlQuery {
	if (!query || !query.trim()) throw queryError('UNEXPECTED_END_OF_QUERY', 'Error in query: the query is empty.');
	return new Parser(tokenize(query)).parse();
}
