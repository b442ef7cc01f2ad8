import { adKind } from '../objects/kinds';
import { makeSetStatus } from '../objects/statusOperations';

// ACTIVE starts spending; this is the only way our nodes turn an object on after create.
export const { description, executeBatch } = makeSetStatus(adKind, 'ACTIVE');
