import { makeGetMany } from '../objects/getMany';
import { adKind } from '../objects/kinds';

export const { description, execute } = makeGetMany(adKind);
