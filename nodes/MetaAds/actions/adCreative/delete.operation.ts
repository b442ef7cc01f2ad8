import { adCreativeKind } from '../common/kinds';
import { makeDelete } from '../common/statusOperations';

export const { description, executeBatch } = makeDelete(adCreativeKind);
