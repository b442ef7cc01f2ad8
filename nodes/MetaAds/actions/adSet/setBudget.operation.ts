import { makeSetBudget } from '../objects/budgetOperations';
import { adSetKind } from '../objects/kinds';

export const { description, execute } = makeSetBudget(adSetKind);
