import { makeSetBudget } from '../common/budgetOperations';
import { campaignKind } from '../common/kinds';

export const { description, execute } = makeSetBudget(campaignKind);
