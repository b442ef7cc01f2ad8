import { makeGetMany } from '../objects/getMany';
import { adSetKind } from '../objects/kinds';

export const { description, execute } = makeGetMany(adSetKind);
