import { makeGet } from '../objects/get';
import { adCreativeKind } from '../objects/kinds';

export const { description, execute } = makeGet(adCreativeKind);
