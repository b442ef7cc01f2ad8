import { makeSetBudget } from '../objects/budgetOperations';
import { campaignKind } from '../objects/kinds';

export const { description, execute } = makeSetBudget(campaignKind);
