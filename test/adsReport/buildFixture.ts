import type { IDataObject } from 'n8n-workflow';

import { sortInputs } from '../../nodes/AdsReport/actions/inputs';
import { readParameters } from '../../nodes/AdsReport/actions/parameters';
import { buildReport } from '../../nodes/AdsReport/report/build';
import type { Report } from '../../nodes/AdsReport/report/types';
import { reportContext } from './context';
import { anomalyItems, auditItems, fixtureRows } from './fixture';

export const defaultContext = () => [...anomalyItems(), ...auditItems()];

/** The node's own steps up to the report model, without rendering. */
export function buildFixtureReport(parameters: IDataObject = {}, context: IDataObject[] = defaultContext(), rows: IDataObject[] = fixtureRows()): Report {
	const ctx = reportContext(rows, context, { monthlyBudget: 400, budgetCurrency: 'EUR', ...parameters });
	const params = readParameters(ctx, new Date());
	const inputs = sortInputs(ctx.getInputData(0), ctx.getInputData(1));
	if (inputs.problems.length > 0) throw new Error(JSON.stringify(inputs.problems));
	const report = buildReport({ ...params, rows: inputs.rows, context: inputs.context });
	if ('problem' in report) throw new Error(report.problem);
	return report;
}
