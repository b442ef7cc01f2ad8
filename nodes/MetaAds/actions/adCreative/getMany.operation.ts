import { makeGetMany } from '../common/getMany';
import { adCreativeKind } from '../common/kinds';

export const { description, execute } = makeGetMany(adCreativeKind);
