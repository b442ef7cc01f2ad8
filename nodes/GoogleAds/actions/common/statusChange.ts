import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/n8n/operation';
import { runMutateBatch } from './batch';
import { customerField, readCustomerId, show } from './fields';
import { mutateOptionsProperty } from './options';
import { idOf, type Collection } from './resourceNames';
import { removeOperation, statusOperation, type SettableStatus } from './status';

export interface StatusChangeConfig {
	resource: string;
	operation: string;
	/** PAUSED / ENABLED update the status; REMOVED sends a remove operation. */
	status: SettableStatus | 'REMOVED';
	/** Fields that pick the object (beside the customer). */
	targetFields: (d: ReturnType<typeof show>) => INodeProperties[];
	/** Reads the target's resource name and the collection to mutate. */
	readTarget: (ctx: IExecuteFunctions, itemIndex: number, customerId: string) => { resourceName: string; collection: Collection };
}

/**
 * Pause / Enable / Remove for any resource: every item becomes one operation
 * of ONE mutate call per customer and collection, with per-item outcomes.
 */
export function statusChangeModule(config: StatusChangeConfig): OperationModule {
	const d = show(config.resource, config.operation);
	return {
		description: [
			customerField(d),
			...config.targetFields(d),
			mutateOptionsProperty({ resource: [config.resource], operation: [config.operation] }),
		],
		async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
			return await runMutateBatch(this, itemIndexes, (itemIndex) => {
				const customerId = readCustomerId(this, itemIndex);
				const target = config.readTarget(this, itemIndex, customerId);
				return {
					customerId,
					resource: target.collection,
					operations: [
						config.status === 'REMOVED' ? removeOperation(target.resourceName) : statusOperation(target.resourceName, config.status),
					],
					output: (_results, validateOnly) => ({
						customerId,
						resourceName: target.resourceName,
						id: idOf(target.resourceName),
						status: config.status,
						validateOnly,
						applied: !validateOnly,
					}),
				};
			});
		},
	};
}
