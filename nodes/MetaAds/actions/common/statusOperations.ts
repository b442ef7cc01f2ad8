import type { IExecuteFunctions } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/n8n/operation';
import { runBatched } from './batch';
import { targetFields } from './fields';
import { getObjectId } from './ids';
import type { ObjectKind } from './kinds';

/** Pause or Activate: one status write per item, batched 50 to a call. */
export function makeSetStatus(kind: ObjectKind, status: 'PAUSED' | 'ACTIVE'): OperationModule {
	return {
		description: targetFields(kind),
		async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
			return runBatched(this, itemIndexes, (itemIndex) => {
				const id = getObjectId(this, kind.idParam, kind.label, itemIndex);
				return {
					request: { method: 'POST', relativeUrl: id, body: { status } },
					toResult: (body) => ({ id, object: kind.resource, status, success: body.success !== false }),
				};
			});
		},
	};
}

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
