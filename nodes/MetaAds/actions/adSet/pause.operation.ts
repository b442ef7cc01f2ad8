import { adSetKind } from '../objects/kinds';
import { makeSetStatus } from '../objects/statusOperations';

export const { description, executeBatch } = makeSetStatus(adSetKind, 'PAUSED');
