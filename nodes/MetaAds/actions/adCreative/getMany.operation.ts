import { makeGetMany } from '../objects/getMany';
import { adCreativeKind } from '../objects/kinds';

export const { description, execute } = makeGetMany(adCreativeKind);
