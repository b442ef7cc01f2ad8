import { makeChangeBudget } from '../common/budgetOperations';
import { campaignKind } from '../common/kinds';

export const { description, execute } = makeChangeBudget(campaignKind);
