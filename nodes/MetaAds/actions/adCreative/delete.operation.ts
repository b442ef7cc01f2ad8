import { adCreativeKind } from '../objects/kinds';
import { makeDelete } from '../objects/statusOperations';

export const { description, executeBatch } = makeDelete(adCreativeKind);
