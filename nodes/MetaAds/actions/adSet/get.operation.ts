import { makeGet } from '../objects/get';
import { adSetKind } from '../objects/kinds';

export const { description, execute } = makeGet(adSetKind);
