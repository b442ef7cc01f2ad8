import { adKind } from '../objects/kinds';
import { makeSetStatus } from '../objects/statusOperations';

export const { description, executeBatch } = makeSetStatus(adKind, 'PAUSED');
