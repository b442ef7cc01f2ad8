import { campaignKind } from '../common/kinds';
import { makeDelete } from '../common/statusOperations';

export const { description, executeBatch } = makeDelete(campaignKind);
