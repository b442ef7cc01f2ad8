import { campaignKind } from '../objects/kinds';
import { makeSetStatus } from '../objects/statusOperations';

export const { description, executeBatch } = makeSetStatus(campaignKind, 'PAUSED');
