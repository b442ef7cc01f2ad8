/**
 * The platform port: what an ad platform must offer to be read and changed.
 * Ads Apply (and the Meta/Google nodes' Pause, Activate, Set Budget and
 * Change Budget operations) talk to platforms only through this interface.
 *
 * A new platform (e.g. TikTok Ads) is one file implementing `PlatformPort`
 * over its transport, plus one line in `index.ts`.
 *
 * Money here is in MAJOR units of the account currency; each port converts to
 * its platform's units (Meta minor units, Google micros) at the edge.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BudgetType } from '../contracts/action';
import type { AdPlatform, EntityLevel } from '../contracts/metricRow';

/** Which entity: the account it lives in, its level and its id. */
export interface EntityRef {
	accountId: string;
	level: EntityLevel;
	entityId: string;
}

/** Delivery status, the same words on every platform. */
export type EntityStatus = 'active' | 'paused' | 'removed' | 'other';

/** What a platform says about one entity now. */
export interface EntityState {
	ref: EntityRef;
	name: string | null;
	status: EntityStatus;
	/** The platform's own status word (ACTIVE, ENABLED, PAUSED, ARCHIVED…). */
	platformStatus: string;
	currency: string;
	/** Budgets in major units; null when the entity has no budget of that type (it may live on a parent). */
	budgets: Record<BudgetType, number | null>;
	/** Bid in major units (Meta ad set bid amount, Google ad group CPC bid); null when none. */
	bid: number | null;
	/** Where the budget lives when it is its own object (Google campaign budget resource name). */
	budgetResource?: string;
	/** The budget funds other entities too (Google shared budgets): a change moves them all. */
	budgetShared?: boolean;
}

/** One change to send, as an absolute target. */
export type Change =
	| { kind: 'status'; ref: EntityRef; status: 'active' | 'paused' }
	| { kind: 'budget'; ref: EntityRef; budgetType: BudgetType; amount: number; currency: string }
	| { kind: 'bid'; ref: EntityRef; amount: number; currency: string };

/** The platform's answer to one change, in the order the changes were given. */
export interface ChangeResult {
	ok: boolean;
	/** Nothing was changed: the platform only checked it. */
	validateOnly: boolean;
	/** Ids and whatever the platform returned (never request options or tokens). */
	response?: IDataObject;
	error?: { message: string; code?: string | number; details?: string };
	/** The platform's own error, for nodes that report it as is (n8n error with its item). Not serialised. */
	cause?: Error;
}

export interface ApplyOptions {
	validateOnly: boolean;
	/** States from `readStates` in this run, for ports that need them to write (Google resource names). */
	states?: EntityState[];
	/** The input item of each change, so platform errors name it. */
	itemIndexes?: number[];
	/** Each change its own plain request, for operations that already work item by item (Meta Set Budget). Ports without such a mode may ignore it. */
	oneByOne?: boolean;
}

/** A past change the platform itself recorded (Meta activities, Google change_event). */
export interface HistoryEvent {
	/** The entity it concerns, in the same id form as `EntityRef.entityId`. */
	entityId: string;
	/** Epoch milliseconds. */
	at: number;
	what: 'budget' | 'status' | 'bid' | 'other';
}

export interface ReadOptions {
	/** The item errors are reported against when a whole call fails. */
	itemIndex?: number;
}

export interface PlatformPort {
	readonly platform: Exclude<AdPlatform, 'other'>;
	/** Reads many entities in as few calls as the platform allows; an Error in place of each entity that could not be read. */
	readStates(ctx: IExecuteFunctions, refs: EntityRef[], opts?: ReadOptions): Promise<Array<EntityState | Error>>;
	/** The platform's own record of changes since `sinceMs`, for the accounts given (states let ports map budgets to their entities). */
	readHistory(ctx: IExecuteFunctions, accountIds: string[], sinceMs: number, states: EntityState[]): Promise<HistoryEvent[]>;
	/** Sends many changes (or only validates them), one result per change in the same order. */
	applyChanges(ctx: IExecuteFunctions, changes: Change[], opts: ApplyOptions): Promise<ChangeResult[]>;
}

/** The key of an entity across platforms: `meta:123:adSet:456`. */
export function entityKey(platform: string, ref: EntityRef): string {
	return `${platform}:${ref.accountId}:${ref.level}:${ref.entityId}`;
}

/** A readable message for a result's error, from any thrown value. */
export function resultError(error: unknown): ChangeResult['error'] {
	const e = error as { message?: string; description?: string; httpCode?: string | number };
	return { message: e?.message ?? String(error), ...(e?.description ? { details: String(e.description) } : {}), ...(e?.httpCode ? { code: e.httpCode } : {}) };
}
