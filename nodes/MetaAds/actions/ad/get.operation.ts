import { makeGet } from '../common/get';
import { adKind } from '../common/kinds';

export const { description, execute } = makeGet(adKind);
