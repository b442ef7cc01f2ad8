import { adSetKind } from '../common/kinds';
import { makeSetStatus } from '../common/statusOperations';

export const { description, executeBatch } = makeSetStatus(adSetKind, 'PAUSED');
