/**
 * Mutable Meta state seeded from the dataset tree. Objects are kept in wire
 * form (Graph field names, budgets as minor-unit strings) so reads are plain
 * projections. Creates, updates and deletes are visible to every later read.
 */
import type { DatasetSettings } from '../types';
import { buildTree, type AdTree, type TreeAccount } from '../dataset/tree';
import { hashString } from '../dataset/prng';
import type { MetricProfile } from '../dataset/metrics';
import type { IdKind } from '../dataset/ids';

export type ObjectType = 'campaign' | 'adset' | 'ad' | 'adcreative';

export interface MetaObject {
	type: ObjectType;
	data: Record<string, unknown>;
}

export interface ImageRecord {
	id: string;
	account_id: string;
	hash: string;
	name: string;
	url: string;
	width: number;
	height: number;
	bytes: number;
	created_time: string;
	status: 'ACTIVE' | 'DELETED';
}

/** "2026-11-01T10:00:00+0000", the Graph timestamp format. */
export function metaTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

function dayTime(day: string, hour = 9): string {
	return `${day}T${String(hour).padStart(2, '0')}:00:00+0000`;
}

export class MetaStore {
	tree!: AdTree;
	objects = new Map<string, MetaObject>();
	profiles = new Map<string, MetricProfile>();
	images = new Map<string, ImageRecord>();
	/** Ad set id → timestamps of budget changes (rolling-hour limit). */
	budgetChanges = new Map<string, number[]>();
	/** Bumped on every mutation; insights caches key on it. */
	version = 0;

	constructor(private readonly dataset: DatasetSettings) {
		this.reset();
	}

	reset(): void {
		this.tree = buildTree(this.dataset);
		this.objects = new Map();
		this.profiles = new Map();
		this.images = new Map();
		this.budgetChanges = new Map();
		this.version++;
		for (const c of this.tree.campaigns) {
			const data: Record<string, unknown> = {
				id: c.id,
				account_id: c.accountId,
				name: c.name,
				objective: c.objective,
				status: c.status,
				buying_type: 'AUCTION',
				bid_strategy: 'LOWEST_COST_WITHOUT_CAP',
				special_ad_categories: [],
				created_time: dayTime(c.createdDay),
				updated_time: dayTime(c.createdDay),
				start_time: dayTime(c.createdDay),
			};
			if (c.dailyBudgetMinor !== undefined) data.daily_budget = String(c.dailyBudgetMinor);
			else data.is_adset_budget_sharing_enabled = false;
			this.objects.set(c.id, { type: 'campaign', data });
		}
		for (const s of this.tree.adSets) {
			const data: Record<string, unknown> = {
				id: s.id,
				account_id: s.accountId,
				campaign_id: s.campaignId,
				name: s.name,
				status: s.status,
				billing_event: s.billingEvent,
				optimization_goal: s.optimizationGoal,
				targeting: { geo_locations: { countries: s.countries }, age_min: 18, age_max: 65 },
				created_time: dayTime(s.createdDay),
				updated_time: dayTime(s.createdDay),
				start_time: dayTime(s.createdDay),
			};
			if (s.dailyBudgetMinor !== undefined) data.daily_budget = String(s.dailyBudgetMinor);
			this.objects.set(s.id, { type: 'adset', data });
		}
		for (const a of this.tree.ads) {
			const hash = imageHash(`${a.creativeId}`);
			const creative: Record<string, unknown> = {
				id: a.creativeId,
				account_id: a.accountId,
				name: `Creative for ${a.name}`,
				status: 'ACTIVE',
				title: a.name,
				body: 'Simulated ad copy.',
				object_story_spec: {
					page_id: '1000000000001',
					link_data: { link: 'https://example.com/shop', message: 'Simulated ad copy.', image_hash: hash },
				},
				image_hash: hash,
				thumbnail_url: `https://sim.invalid/thumbs/${hash}.jpg`,
			};
			this.objects.set(a.creativeId, { type: 'adcreative', data: creative });
			this.images.set(`${a.accountId}:${hash}`, seedImage(a.accountId, hash, a.createdDay));
			this.objects.set(a.id, {
				type: 'ad',
				data: {
					id: a.id,
					account_id: a.accountId,
					campaign_id: a.campaignId,
					adset_id: a.adSetId,
					name: a.name,
					status: a.status,
					creative: { id: a.creativeId },
					created_time: dayTime(a.createdDay),
					updated_time: dayTime(a.createdDay),
				},
			});
			this.profiles.set(a.id, a.profile);
		}
	}

	mintId(kind: IdKind): string {
		return this.tree.mint.next(kind);
	}

	/** `act_123` or `123` → the account, if it exists. */
	account(id: string): TreeAccount | undefined {
		const numeric = id.replace(/^act_/, '');
		return this.tree.accounts.find((a) => a.id === numeric);
	}

	get(id: string): MetaObject | undefined {
		return this.objects.get(id);
	}

	/** The account an object (or `act_` segment) belongs to. */
	accountOf(id: string): TreeAccount | undefined {
		if (id.startsWith('act_')) return this.account(id);
		const object = this.objects.get(id);
		return object ? this.account(String(object.data.account_id)) : undefined;
	}

	/** All objects of a type, newest first (Graph's default order). */
	list(type: ObjectType, predicate: (object: MetaObject) => boolean): MetaObject[] {
		const found: MetaObject[] = [];
		for (const object of this.objects.values()) if (object.type === type && predicate(object)) found.push(object);
		return found.sort((a, b) => compareIdsDesc(String(a.data.id), String(b.data.id)));
	}

	touch(): void {
		this.version++;
	}
}

function compareIdsDesc(a: string, b: string): number {
	return a.length !== b.length ? b.length - a.length : b < a ? -1 : b > a ? 1 : 0;
}

/** Meta image hashes look like 32 hex chars. */
export function imageHash(seedText: string): string {
	let out = '';
	for (let i = 0; out.length < 32; i++) out += hashString(`${seedText}#${i}`).toString(16).padStart(8, '0');
	return out.slice(0, 32);
}

function seedImage(accountId: string, hash: string, day: string): ImageRecord {
	return {
		id: `${accountId}:${hash}`,
		account_id: accountId,
		hash,
		name: `${hash.slice(0, 8)}.jpg`,
		url: `https://sim.invalid/images/${hash}.jpg`,
		width: 1080,
		height: 1080,
		bytes: 180_000,
		created_time: dayTime(day),
		status: 'ACTIVE',
	};
}
