/**
 * Collects rows from sync pages, async job pages and split parts, keeping
 * each primary key once: (entity id at the level, date_start, breakdown
 * values). A Map keeps this linear however many parts arrive; the first row
 * seen for a key wins, since a re-read of the same key carries the same data.
 *
 * Rows are converted (`map`, e.g. normalized) as they arrive, so the raw
 * Graph rows can be dropped page by page instead of all being held at once.
 */
import { ENTITY_ID_FIELD } from './normalize';
import type { InsightsLevel, MetaInsightRow } from './types';

export class RowMerger<T = MetaInsightRow> {
	private readonly rows = new Map<string, T>();
	private readonly idField: keyof MetaInsightRow;
	/** Rows dropped because their key was already present (reported for diagnostics). */
	duplicates = 0;

	constructor(
		level: InsightsLevel,
		private readonly breakdowns: readonly string[],
		private readonly map: (row: MetaInsightRow) => T = (row) => row as unknown as T,
	) {
		this.idField = ENTITY_ID_FIELD[level];
	}

	keyOf(row: MetaInsightRow): string {
		let key = `${String(row[this.idField] ?? '')}|${row.date_start}`;
		for (const breakdown of this.breakdowns) key += `|${String(row[breakdown] ?? '')}`;
		return key;
	}

	add(rows: readonly MetaInsightRow[]): void {
		for (const row of rows) {
			const key = this.keyOf(row);
			if (this.rows.has(key)) this.duplicates++;
			else this.rows.set(key, this.map(row));
		}
	}

	get size(): number {
		return this.rows.size;
	}

	values(): T[] {
		return Array.from(this.rows.values());
	}
}
