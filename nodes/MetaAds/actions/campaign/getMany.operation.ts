import { makeGetMany } from '../common/getMany';
import { campaignKind } from '../common/kinds';

export const { description, execute } = makeGetMany(campaignKind);
