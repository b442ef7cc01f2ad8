import { makeGetMany } from '../objects/getMany';
import { campaignKind } from '../objects/kinds';

export const { description, execute } = makeGetMany(campaignKind);
