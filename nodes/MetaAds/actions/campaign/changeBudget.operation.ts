import { makeChangeBudget } from '../objects/budgetOperations';
import { campaignKind } from '../objects/kinds';

export const { description, execute } = makeChangeBudget(campaignKind);
