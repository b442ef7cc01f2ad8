/**
 * Runs an insights query end to end: sync when small, async job when large
 * (or when Meta says a sync call timed out), retrying a failed job once and
 * then splitting it (time halves, then child objects) with every part merged
 * on the primary key.
 */
import { runAsyncJob, type JobOptions } from './asyncJob';
import type { InsightsClient } from './clientTypes';
import { AsyncJobFailedError, InsightsSplitError, isAsyncRequiredError } from './errors';
import { RowMerger } from './merge';
import { ENTITY_ID_FIELD } from './normalize';
import { childType, chooseMode, insightsParams, splitByChildren, splitByTime } from './planner';
import type { InsightsLevel, InsightsMode, InsightsQuery, MetaInsightRow } from './types';

export interface FetchOptions extends JobOptions {
	mode: InsightsMode;
	/** Upper bound on async jobs started for one query, splits included. */
	maxJobs: number;
}

export interface FetchStats {
	path: 'sync' | 'async';
	/** Sync was tried first and Meta asked for an async job. */
	fellBackToAsync: boolean;
	jobsStarted: number;
	jobsFailed: number;
	splits: number;
	/** Rows dropped because their key had already arrived. */
	duplicates: number;
}

export interface FetchResult<T = MetaInsightRow> {
	rows: T[];
	stats: FetchStats;
}

export const DEFAULT_MAX_JOBS = 200;

/** @param map converts each unique row as it arrives (e.g. normalizes it); identity by default. */
export async function fetchInsights<T = MetaInsightRow>(
	client: InsightsClient,
	query: InsightsQuery,
	options: FetchOptions,
	map?: (row: MetaInsightRow) => T,
): Promise<FetchResult<T>> {
	const stats: FetchStats = { path: 'sync', fellBackToAsync: false, jobsStarted: 0, jobsFailed: 0, splits: 0, duplicates: 0 };
	let merger = new RowMerger<T>(query.level, query.breakdowns, map);

	if (chooseMode(query, options.mode) === 'sync') {
		let syncError: Error | undefined;
		try {
			for await (const page of client.pages<MetaInsightRow>({
				path: `/${query.objectId}/insights`,
				qs: insightsParams(query),
				pageSize: options.pageSize,
			})) {
				merger.add(page);
			}
		} catch (error) {
			syncError = error as Error;
		}
		if (!syncError) {
			stats.duplicates = merger.duplicates;
			return { rows: merger.values(), stats };
		}
		// Transport errors are already n8n errors; only "use async" changes course.
		if (options.mode !== 'auto' || !isAsyncRequiredError(syncError)) throw syncError;
		stats.fellBackToAsync = true;
		merger = new RowMerger<T>(query.level, query.breakdowns, map); // drop partial sync pages
	}

	stats.path = 'async';
	await runWithSplits(client, query, options, merger, stats);
	stats.duplicates = merger.duplicates;
	return { rows: merger.values(), stats };
}

async function runWithSplits<T>(
	client: InsightsClient,
	query: InsightsQuery,
	options: FetchOptions,
	merger: RowMerger<T>,
	stats: FetchStats,
): Promise<void> {
	let lastFailure: AsyncJobFailedError | undefined;
	for (let attempt = 0; attempt < 2; attempt++) {
		if (stats.jobsStarted >= options.maxJobs) {
			throw new InsightsSplitError(
				`Stopped after ${options.maxJobs} Meta insights jobs: failed jobs kept being split. Narrow the date range or the object.`,
				lastFailure,
			);
		}
		stats.jobsStarted++;
		let jobError: Error | undefined;
		try {
			await runAsyncJob(client, query, options, (rows) => merger.add(rows));
		} catch (error) {
			jobError = error as Error;
		}
		if (!jobError) return;
		// Only a failed job is retried or split; transport errors are already n8n errors.
		if (!(jobError instanceof AsyncJobFailedError)) throw jobError;
		stats.jobsFailed++;
		lastFailure = jobError;
	}

	let parts: InsightsQuery[] | undefined = splitByTime(query);
	if (!parts) {
		const child = childType(query);
		if (child) parts = splitByChildren(query, await listChildren(client, query, child, options.pageSize));
	}
	if (!parts) {
		throw new InsightsSplitError(
			`${lastFailure!.message}. It failed twice and cannot be split further ` +
				`(${query.objectType} ${query.objectId}, level ${query.level}${query.timeRange ? `, ${query.timeRange.since}..${query.timeRange.until}` : ''}).`,
			lastFailure,
		);
	}
	stats.splits++;
	for (const part of parts) await runWithSplits(client, part, options, merger, stats);
}

/**
 * Child objects that have data in the query's period, found with a small
 * sync insights call at the child level. Unlike the /campaigns edge this also
 * finds archived and deleted objects, whose spend still counts.
 */
export async function listChildren(
	client: InsightsClient,
	query: InsightsQuery,
	child: InsightsLevel,
	pageSize: number,
): Promise<string[]> {
	const idField = ENTITY_ID_FIELD[child] as string;
	const probe: InsightsQuery = { ...query, level: child, fields: [idField], timeIncrement: 'all_days', breakdowns: [], attributionWindows: [] };
	const ids = new Set<string>();
	for await (const page of client.pages<MetaInsightRow>({ path: `/${query.objectId}/insights`, qs: insightsParams(probe), pageSize })) {
		for (const row of page) if (row[idField] !== undefined && row[idField] !== null) ids.add(String(row[idField]));
	}
	return [...ids];
}
