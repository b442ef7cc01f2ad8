import { makeSetBudget } from '../common/budgetOperations';
import { adSetKind } from '../common/kinds';

export const { description, execute } = makeSetBudget(adSetKind);
