import { makeGet } from '../common/get';
import { adSetKind } from '../common/kinds';

export const { description, execute } = makeGet(adSetKind);
