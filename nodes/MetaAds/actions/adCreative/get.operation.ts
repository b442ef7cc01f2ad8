import { makeGet } from '../common/get';
import { adCreativeKind } from '../common/kinds';

export const { description, execute } = makeGet(adCreativeKind);
