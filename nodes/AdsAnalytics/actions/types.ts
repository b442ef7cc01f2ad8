import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { EntityGroup } from '../../shared/analysis';
import type { InputRow } from '../../shared/n8n/decisionNode';

/** One output item and the input items it came from (pairedItem). */
export interface AnalyticsResult {
	json: IDataObject;
	items: number[];
}

/**
 * An analytics operation works on all rows at once (aggregates need every
 * item), reads its parameters once and returns items already paired.
 */
export interface AnalyticsOperation {
	description: INodeProperties[];
	run(ctx: IExecuteFunctions, rows: InputRow[]): AnalyticsResult[];
}

export function entityFields(group: EntityGroup): IDataObject {
	return {
		platform: group.platform,
		accountId: group.accountId,
		level: group.level,
		entityId: group.entityId,
		entityName: group.entityName,
		currency: group.currency,
	};
}

/** A clearly reported skip: the entity is named, nothing is computed for it. */
export function skipped(operation: string, group: EntityGroup, reason: string, extra: IDataObject = {}): AnalyticsResult {
	return { json: { operation, ...entityFields(group), skipped: true, reason, ...extra }, items: group.itemIndexes };
}

export function showFor(operation: string) {
	return { show: { operation: [operation] } };
}

/** Bad input that belongs to one item: the node reports it with that item's index. */
export class AnalyticsInputError extends Error {
	constructor(
		message: string,
		readonly itemIndex: number,
	) {
		super(message);
		this.name = 'AnalyticsInputError';
	}
}
