import { makeGet } from '../objects/get';
import { campaignKind } from '../objects/kinds';

export const { description, execute } = makeGet(campaignKind);
