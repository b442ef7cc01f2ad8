import { makeGetMany } from '../common/getMany';
import { adKind } from '../common/kinds';

export const { description, execute } = makeGetMany(adKind);
