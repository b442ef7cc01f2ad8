import { makeGetMany } from '../common/getMany';
import { adSetKind } from '../common/kinds';

export const { description, execute } = makeGetMany(adSetKind);
