import { ObservableObject, type DataTableFilter, type DataTableRow, type IDataObject, type IDataTableProjectService } from 'n8n-workflow';

import {
	checkCooldown,
	DataTableCooldownStore,
	HOUR_MS,
	retentionFor,
	StaticDataCooldownStore,
	WEEK_MS,
} from '../../nodes/AdsRules/engine/cooldown';
import { evaluateRules } from '../../nodes/AdsRules/engine/evaluate';
import { days, indexed, NOW, opts, rules } from './helpers';

describe('cooldown checks', () => {
	it('holds a rule within its hours and beyond its weekly count', () => {
		expect(checkCooldown({ hours: 24, maxPerWeek: 0 }, undefined, NOW)).toBeNull();
		expect(checkCooldown({ hours: 24, maxPerWeek: 0 }, [NOW - 23 * HOUR_MS], NOW)).toBe(
			'cooldown: fired 2025-03-09T13:00:00.000Z, at most once per 24 h (ready 2025-03-10T13:00:00.000Z)',
		);
		expect(checkCooldown({ hours: 24, maxPerWeek: 0 }, [NOW - 25 * HOUR_MS], NOW)).toBeNull();
		const week = [1, 2, 3].map((d) => NOW - d * 24 * HOUR_MS - 1);
		expect(checkCooldown({ hours: 0, maxPerWeek: 3 }, week, NOW)).toBe('cooldown: fired 3 times in the last 7 days, at most 3');
		expect(checkCooldown({ hours: 0, maxPerWeek: 4 }, week, NOW)).toBeNull();
		expect(checkCooldown({ hours: 0, maxPerWeek: 1 }, [NOW - WEEK_MS - 1], NOW)).toBeNull();
		expect(retentionFor([{ hours: 24 * 10, maxPerWeek: 0 }])).toBe(10 * 24 * HOUR_MS);
	});
});

describe('static data store', () => {
	it('persists fires across executions and prunes expired ones', async () => {
		const data = {};
		const store = new StaticDataCooldownStore(data);
		await store.record([{ key: 'r\u001fe1', at: NOW - 8 * 24 * HOUR_MS }, { key: 'r\u001fe2', at: NOW }], NOW, WEEK_MS);
		expect(data).toEqual({ adsRulesCooldown: { 'r\u001fe2': [NOW] } });
		const again = new StaticDataCooldownStore(data);
		expect([...(await again.load(NOW + HOUR_MS, WEEK_MS))]).toEqual([['r\u001fe2', [NOW]]]);
	});

	it('writes nothing when nothing fired or expired (n8n then does not save the run\'s stale copy of other nodes\' static data)', async () => {
		// As n8n does per run: static data loaded from the database into its own observable
		// wrapper; __dataChanged after the run decides whether n8n saves it.
		let saved = '{}';
		const run = async (fires: { key: string; at: number }[], now: number) => {
			const data = ObservableObject.create(JSON.parse(saved)) as IDataObject & { __dataChanged?: boolean };
			const store = new StaticDataCooldownStore(data);
			await store.load(now, WEEK_MS);
			await store.record(fires, now, WEEK_MS);
			if (data.__dataChanged) saved = JSON.stringify(data);
			return data.__dataChanged;
		};
		expect(await run([], NOW)).toBe(false);
		expect(await run([{ key: 'r\u001fe1', at: NOW }], NOW)).toBe(true);
		expect(await run([], NOW + HOUR_MS)).toBe(false);
		// The fire ages out: dropping it is a change.
		expect(await run([], NOW + WEEK_MS + 1)).toBe(true);
		expect(JSON.parse(saved)).toEqual({ adsRulesCooldown: {} });
	});

	it('blocks the second run of a rule on the same entity, then lets it fire after the cooldown', async () => {
		const list = rules([{ name: 'r', level: 'adSet', window: 'today', conditions: { metric: 'spend', operator: '>', value: 0 }, actions: [{ kind: 'pause' }], cooldown: { hours: 6, maxPerWeek: 2 } }]);
		const rows = indexed(days('2025-03-10', 1, () => ({ spend: 5 })));
		const data = {};
		const runAt = async (now: number) => {
			const store = new StaticDataCooldownStore(data);
			const history = await store.load(now, retentionFor([list[0].cooldown]));
			const res = evaluateRules(list, rows, history, opts({ now }));
			await store.record(res.fires, now, retentionFor([list[0].cooldown]));
			return res;
		};
		expect((await runAt(NOW)).actions).toHaveLength(1);
		const second = await runAt(NOW + HOUR_MS);
		expect(second.actions).toHaveLength(0);
		expect(second.log[0].entry).toMatchObject({ status: 'cooldown', reason: expect.stringMatching(/^cooldown: fired 2025-03-10T12:00:00.000Z, at most once per 6 h/) });
		expect(second.noMatch).toEqual([]);
		expect((await runAt(NOW + 7 * HOUR_MS)).actions).toHaveLength(1);
		const third = await runAt(NOW + 14 * HOUR_MS);
		expect(third.actions).toHaveLength(0);
		expect(third.log[0].entry.reason).toBe('cooldown: fired 2 times in the last 7 days, at most 2');
	});
});

/** An in-memory IDataTableProjectService with the filter subset the store uses. */
function fakeTable() {
	const rows: Array<DataTableRow & { id: number }> = [];
	const columns: string[] = [];
	const match = (f: DataTableFilter, r: DataTableRow) =>
		f.filters.every((c) => {
			const v = r[c.columnName] as number | string;
			const w = c.value as number | string;
			return c.condition === 'eq' ? v === w : c.condition === 'gt' ? v > w : c.condition === 'lte' ? v <= w : false;
		});
	const table = {
		getColumns: async () => columns.map((name, index) => ({ id: name, name, type: 'string', index, dataTableId: 't' })),
		addColumn: async ({ name }: { name: string }) => {
			columns.push(name);
			return { id: name, name, type: 'string', index: columns.length - 1, dataTableId: 't' };
		},
		getManyRowsAndCount: async ({ filter, take = 1000, skip = 0 }: { filter: DataTableFilter; take?: number; skip?: number }) => {
			const all = rows.filter((r) => match(filter, r));
			return { count: all.length, data: all.slice(skip, skip + take) };
		},
		insertRows: async (newRows: DataTableRow[]) => {
			for (const r of newRows) rows.push({ ...r, id: rows.length + 1 });
			return { success: true, insertedRows: newRows.length };
		},
		deleteRows: async ({ filter }: { filter: DataTableFilter }) => {
			const gone = rows.filter((r) => match(filter, r));
			for (const g of gone) rows.splice(rows.indexOf(g), 1);
			return gone;
		},
	};
	return { table: table as unknown as IDataTableProjectService, rows, columns };
}

describe('data table store', () => {
	it('adds missing columns, stores fires per scope and prunes old ones', async () => {
		const { table, rows, columns } = fakeTable();
		const a = new DataTableCooldownStore(table, 'wf1:Ads Rules');
		const b = new DataTableCooldownStore(table, 'wf1:Other');
		expect((await a.load(NOW, WEEK_MS)).size).toBe(0);
		expect(columns).toEqual(['scope', 'cooldownKey', 'firedAt']);
		await a.record([{ key: 'k1', at: NOW - 8 * 24 * HOUR_MS }, { key: 'k1', at: NOW }], NOW, WEEK_MS);
		await b.record([{ key: 'k1', at: NOW }], NOW, WEEK_MS);
		expect(rows.map((r) => [r.scope, r.cooldownKey, r.firedAt])).toEqual([
			['wf1:Ads Rules', 'k1', NOW],
			['wf1:Other', 'k1', NOW],
		]);
		expect([...(await a.load(NOW, WEEK_MS))]).toEqual([['k1', [NOW]]]);
		expect([...(await b.load(NOW, WEEK_MS))]).toEqual([['k1', [NOW]]]);
	});
});
