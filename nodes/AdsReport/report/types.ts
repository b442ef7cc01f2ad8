/**
 * The report model: everything the HTML, chart, CSV and summary renderers
 * read. Built once from the inputs (report/build.ts); renderers never
 * compute numbers of their own.
 */
import type { AdPlatform, EntityLevel, MetricRow } from '../../shared/contracts/metricRow';
import type { Totals } from '../../shared/analysis';

export type { Totals };

/** Inclusive range of day numbers (nodes/shared/days.ts). */
export interface DayWindow {
	from: number;
	to: number;
}

export type PeriodType = 'daily' | 'weekly' | 'monthly' | 'custom';

export interface Periods {
	type: PeriodType;
	timezone: string;
	/** The last day of the current window. */
	referenceDate: string;
	current: DayWindow;
	previous: DayWindow;
	/** Days the chart and the CSV cover (at least 14, always both windows). */
	chart: DayWindow;
}

export interface Comparison {
	current: Totals;
	previous: Totals;
}

export interface AccountLine extends Comparison {
	platform: AdPlatform;
	accountId: string;
	accountName: string | null;
	currency: string;
	/** The level whose rows were summed (the coarsest the input had for this account). */
	basisLevel: EntityLevel;
}

export interface CampaignLine extends Comparison {
	platform: AdPlatform;
	accountId: string;
	campaignId: string;
	campaignName: string | null;
	currency: string;
}

export type Kpi = 'roas' | 'cpa' | 'conversions' | 'value' | 'ctr' | 'cpc' | 'spend' | 'clicks';

export interface RankedEntity {
	platform: AdPlatform;
	level: EntityLevel;
	entityId: string;
	entityName: string | null;
	accountId: string;
	currency: string;
	kpiValue: number;
	totals: Totals;
}

export interface DailyPoint {
	day: number;
	totals: Totals;
}

/** Everything in one currency: amounts in different currencies are never added. */
export interface CurrencySection {
	currency: string;
	totals: Comparison;
	platforms: Array<{ platform: AdPlatform; totals: Comparison; daily: DailyPoint[] }>;
	accounts: AccountLine[];
	campaigns: CampaignLine[];
	top: RankedEntity[];
	bottom: RankedEntity[];
	/** Entities that had a KPI value and were ranked. */
	rankedCount: number;
}

export interface Pacing {
	currency: string;
	month: string;
	monthlyBudget: number;
	monthToDateSpend: number;
	daysElapsed: number;
	daysInMonth: number;
	/** Spend a straight-line pace would have reached by now. */
	expectedToDate: number;
	projectedMonthEndSpend: number;
	interval80: { lower: number; upper: number } | null;
	probabilityOverBudget: number | null;
	pacePercent: number;
	status: 'over' | 'under' | 'on';
	dailySpendToHitBudget: number | null;
	source: 'forecast' | 'runRate';
	sourceNote: string;
}

export interface AnomalyNote {
	platform: string;
	accountId: string;
	entityId: string;
	entityName: string | null;
	level: string;
	metric: string;
	date: string;
	direction: string;
	severity: 'critical' | 'warning' | string;
	value: number | null;
	pctVsTrailing: number | null;
	message: string;
	currency: string | null;
}

export interface AppliedAction {
	appliedAt: string | null;
	decision: string;
	kind: string;
	platform: string | null;
	accountId: string | null;
	entityId: string | null;
	entityName: string | null;
	level: string | null;
	/** "dailyBudget 50 → 57.5" lines from before/after. */
	changes: string[];
	reason: string | null;
	planDigest: string | null;
	error: string | null;
}

export interface ReportLayout {
	kind: 'performance' | 'executive';
	title: string;
	kpi: Kpi;
	rankLevel: EntityLevel;
	topN: number;
	minSpend: number;
	showCampaigns: boolean;
	maxListed: number;
	chartSecondMetric: 'conversions' | 'roas';
	locale: string;
}

export interface Report {
	layout: ReportLayout;
	periods: Periods;
	sections: CurrencySection[];
	pacing: Pacing | null;
	anomalies: AnomalyNote[];
	anomaliesTotal: number;
	anomaliesCritical: number;
	actions: AppliedAction[];
	actionsTotal: number;
	actionsApplied: number;
	summary: string;
	notes: string[];
	/** Rows behind the report (chart window), in input order. */
	rows: Array<{ row: MetricRow; window: 'current' | 'previous' | 'history' }>;
	empty: boolean;
}
