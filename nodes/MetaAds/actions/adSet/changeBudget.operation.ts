import { makeChangeBudget } from '../objects/budgetOperations';
import { adSetKind } from '../objects/kinds';

export const { description, execute } = makeChangeBudget(adSetKind);
