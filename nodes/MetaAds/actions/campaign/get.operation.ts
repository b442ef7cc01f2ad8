import { makeGet } from '../common/get';
import { campaignKind } from '../common/kinds';

export const { description, execute } = makeGet(campaignKind);
