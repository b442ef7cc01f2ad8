import { makeGet } from '../objects/get';
import { adKind } from '../objects/kinds';

export const { description, execute } = makeGet(adKind);
