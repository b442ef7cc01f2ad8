/** Reads the node's parameters once per execution and checks them, naming the parameter on failure. */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { EntityLevel } from '../../shared/contracts/metricRow';
import { resolvePeriods } from '../report/period';
import type { Kpi, Periods, PeriodType, ReportLayout } from '../report/types';
import { operations } from './index';

export interface ReportParameters {
	layout: ReportLayout;
	periods: Periods;
	monthlyBudget: number;
	budgetCurrency: string;
	includeCsv: boolean;
	includePdfHtml: boolean;
}

function positiveInteger(ctx: IExecuteFunctions, value: unknown, label: string): number {
	const n = Number(value);
	if (!Number.isInteger(n) || n < 1) throw new NodeOperationError(ctx.getNode(), `${label} must be a whole number ≥ 1, got ${JSON.stringify(value)}`, { itemIndex: 0 });
	return n;
}

function locale(ctx: IExecuteFunctions, value: string): string {
	try {
		return Intl.NumberFormat.supportedLocalesOf([value]).length > 0 ? value : 'en-US';
	} catch {
		throw new NodeOperationError(ctx.getNode(), `Locale: "${value}" is not a BCP 47 locale (e.g. en-US, de-DE)`, { itemIndex: 0 });
	}
}

export function readParameters(ctx: IExecuteFunctions, now: Date): ReportParameters {
	const operationName = ctx.getNodeParameter('operation', 0) as string;
	const operation = operations[operationName];
	if (!operation) throw new NodeOperationError(ctx.getNode(), `The operation "${operationName}" is not supported`);
	const options = ctx.getNodeParameter('reportOptions', 0, {}) as IDataObject;
	const timezone = String(ctx.getNodeParameter('timezone', 0, '') || ctx.getTimezone());
	const periods = resolvePeriods({
		type: ctx.getNodeParameter('period', 0) as PeriodType,
		timezone,
		referenceDate: String(ctx.getNodeParameter('referenceDate', 0, '')),
		customFrom: String(ctx.getNodeParameter('customFrom', 0, '')),
		customTo: String(ctx.getNodeParameter('customTo', 0, '')),
		now,
	});
	if (typeof periods === 'string') throw new NodeOperationError(ctx.getNode(), periods, { itemIndex: 0 });
	const monthlyBudget = Number(ctx.getNodeParameter('monthlyBudget', 0, 0));
	if (!(monthlyBudget >= 0)) throw new NodeOperationError(ctx.getNode(), `Monthly Budget must be ≥ 0, got ${monthlyBudget}`, { itemIndex: 0 });
	const minSpend = Number(options.minSpend ?? 0);
	if (!(minSpend >= 0)) throw new NodeOperationError(ctx.getNode(), `Minimum Spend to Rank must be ≥ 0, got ${options.minSpend}`, { itemIndex: 0 });
	const layout: ReportLayout = {
		...operation.defaults,
		title: String(options.title ?? ''),
		kpi: ctx.getNodeParameter('kpi', 0) as Kpi,
		rankLevel: ctx.getNodeParameter('rankLevel', 0) as EntityLevel,
		minSpend,
		chartSecondMetric: options.chartSecondMetric === 'roas' ? 'roas' : 'conversions',
		locale: locale(ctx, String(options.locale ?? 'en-US')),
	};
	if (options.topN !== undefined) layout.topN = positiveInteger(ctx, options.topN, 'Top / Bottom Count');
	if (options.maxListed !== undefined) layout.maxListed = positiveInteger(ctx, options.maxListed, 'Max Items per List');
	return {
		layout,
		periods,
		monthlyBudget,
		budgetCurrency: String(ctx.getNodeParameter('budgetCurrency', 0, '')),
		includeCsv: options.includeCsv !== false,
		includePdfHtml: options.includePdfHtml !== false,
	};
}
