import { adSetKind } from '../common/kinds';
import { makeSetStatus } from '../common/statusOperations';

// ACTIVE starts spending; this is the only way our nodes turn an object on after create.
export const { description, executeBatch } = makeSetStatus(adSetKind, 'ACTIVE');
