import { makeChangeBudget } from '../common/budgetOperations';
import { adSetKind } from '../common/kinds';

export const { description, execute } = makeChangeBudget(adSetKind);
