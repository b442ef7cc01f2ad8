import type { IDataObject } from 'n8n-workflow';

import { parseRows, type InputRow } from '../../nodes/shared/n8n/decisionNode';

export interface RowSpec {
	entityId?: string;
	entityName?: string;
	level?: string;
	platform?: string;
	date?: string;
	impressions?: number;
	clicks?: number;
	spend?: number;
	conversions?: number;
	value?: number;
	currency?: string;
	[extra: string]: unknown;
}

/** A valid metric row with neutral defaults. */
export function row(spec: RowSpec = {}): IDataObject {
	return {
		schema: 'adpilot.metricRow/v1',
		platform: 'meta',
		level: 'campaign',
		entityId: 'c1',
		entityName: null,
		accountId: '111',
		date: '2024-06-01',
		currency: 'EUR',
		impressions: 1000,
		clicks: 10,
		spend: 10,
		conversions: 1,
		value: 20,
		...spec,
	} as IDataObject;
}

export function addDays(date: string, days: number): string {
	return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** One row per day starting at `start`, metrics from `values[i]`. */
export function dailyRows(entityId: string, start: string, values: Array<Partial<RowSpec>>, extra: RowSpec = {}): IDataObject[] {
	return values.map((v, i) => row({ entityId, date: addDays(start, i), ...extra, ...v }));
}

/** Parses like the node does; fails the test if any row is invalid. */
export function toInput(jsons: IDataObject[]): InputRow[] {
	const { rows, invalid } = parseRows(jsons);
	if (invalid.length > 0) throw new Error(`invalid test rows: ${JSON.stringify(invalid)}`);
	return rows;
}
