import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import type { EntityLevel } from '../../../shared/contracts/metricRow';
import type { ItemOutcome, OperationModule } from '../../../shared/n8n/operation';
import { metaPort } from '../../../shared/platforms/meta';
import type { Change } from '../../../shared/platforms/platform';
import { runBatched } from './batch';
import { targetFields } from './fields';
import { getObjectId } from './ids';
import type { ObjectKind } from './kinds';

/** Pause or Activate: one status change per item through the platform port (Graph batch, 50 to a call). */
export function makeSetStatus(kind: ObjectKind, status: 'PAUSED' | 'ACTIVE'): OperationModule {
	return {
		description: targetFields(kind),
		async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
			const outcomes: ItemOutcome[] = [];
			const ready: Array<{ itemIndex: number; change: Change }> = [];
			for (const itemIndex of itemIndexes) {
				let failure: Error | undefined;
				try {
					const entityId = getObjectId(this, kind.idParam, kind.label, itemIndex);
					ready.push({ itemIndex, change: { kind: 'status', ref: { accountId: '', level: PORT_LEVEL[kind.resource], entityId }, status: status === 'ACTIVE' ? 'active' : 'paused' } });
				} catch (error) {
					failure = error as Error;
				}
				if (!failure) continue;
				// Bad input stops the run before any write unless the user wants the rest to go on.
				if (!this.continueOnFail()) throw failure;
				outcomes.push({ itemIndex, error: failure });
			}
			if (ready.length === 0) return outcomes;
			const results = await metaPort.applyChanges(this, ready.map((r) => r.change), { validateOnly: false, itemIndexes: ready.map((r) => r.itemIndex) });
			ready.forEach(({ itemIndex, change }, i) => {
				const result = results[i];
				if (result.ok) outcomes.push({ itemIndex, result: { id: change.ref.entityId, object: kind.resource, status, success: result.response?.success !== false } });
				else outcomes.push({ itemIndex, error: result.cause ?? new NodeOperationError(this.getNode(), result.error?.message ?? 'Meta did not apply the change', { itemIndex }) });
			});
			// A failed item stops the node in the router unless Continue On Fail is on.
			return outcomes.sort((a, b) => a.itemIndex - b.itemIndex);
		},
	};
}

/** The port's level for each Meta Ads resource these operations change. */
export const PORT_LEVEL: Record<string, EntityLevel> = { campaign: 'campaign', adSet: 'adSet', ad: 'ad' };

/** Delete: Meta marks the object DELETED; batched like status changes. */
export function makeDelete(kind: ObjectKind): OperationModule {
	return {
		description: targetFields(kind),
		async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
			return runBatched(this, itemIndexes, (itemIndex) => {
				const id = getObjectId(this, kind.idParam, kind.label, itemIndex);
				return {
					request: { method: 'DELETE', relativeUrl: id },
					toResult: (body) => ({ id, object: kind.resource, deleted: body.success !== false }),
				};
			});
		},
	};
}
