// The figures stored for every finished attempt (the AttemptMetrics table, ADR 010). The list
// below is the one place they are named: the stored type, the Prisma select, the insert and
// the growth report's attempt rows and CSV columns all follow it. Pure.
import type { AttemptMetrics } from './metrics.ts'

/** The largest value an Int column holds; longer durations are stored as this (about 24 days). */
const MAX_INT = 2_147_483_647

type ColumnKind = 'flag' | 'moment' | 'duration' | 'optional-duration' | 'count'
type ColumnValue = { flag: boolean; moment: Date; duration: number; 'optional-duration': number | null; count: number }

/**
 * In the order the CSV export lists them. `outcome` columns say how the attempt ended and come
 * from the attempt; `process` ones say how it was worked: attemptMetrics over its timeline, and
 * whether its last submission was attested.
 */
export const ATTEMPT_METRICS_COLUMNS = [
	{ name: 'solved', kind: 'flag', part: 'outcome' },
	{ name: 'firstAttempt', kind: 'flag', part: 'outcome' },
	{ name: 'startedAt', kind: 'moment', part: 'outcome' },
	{ name: 'finishedAt', kind: 'moment', part: 'outcome' },
	{ name: 'durationMs', kind: 'duration', part: 'outcome' },
	{ name: 'timeToFirstHypothesisMs', kind: 'optional-duration', part: 'process' },
	{ name: 'timeToRootCauseMs', kind: 'optional-duration', part: 'process' },
	{ name: 'runs', kind: 'count', part: 'process' },
	{ name: 'runsPerDiagnosis', kind: 'count', part: 'process' },
	{ name: 'predictionsScored', kind: 'count', part: 'process' },
	{ name: 'predictionsRight', kind: 'count', part: 'process' },
	{ name: 'submissions', kind: 'count', part: 'process' },
	{ name: 'failedFixes', kind: 'count', part: 'process' },
	{ name: 'rework', kind: 'count', part: 'process' },
	{ name: 'hintsUsed', kind: 'count', part: 'process' },
	{ name: 'outsidePastes', kind: 'count', part: 'process' },
	{ name: 'attested', kind: 'flag', part: 'process' },
	{ name: 'independent', kind: 'flag', part: 'process' },
] as const satisfies ReadonlyArray<{ name: string; kind: ColumnKind; part: 'outcome' | 'process' }>

export type AttemptMetricsColumn = (typeof ATTEMPT_METRICS_COLUMNS)[number]
type Column = AttemptMetricsColumn
export type AttemptMetricsColumnName = Column['name']

/** The stored metrics columns of one attempt, as the finishing transaction and `npm run seed:load` write them. */
export type AttemptMetricsColumns = { [C in Column as C['name']]: ColumnValue[C['kind']] }

// What attemptMetrics computes and the table keeps as it is. Both directions are checked by the
// compiler: metricsColumns reads each of these from AttemptMetrics, toAttemptMetrics must give back all of it.
type TimelineColumnName = Exclude<Extract<Column, { part: 'process' }>['name'], 'attested'>
const isTimelineColumn = (column: Column): column is Extract<Column, { name: TimelineColumnName }> => column.part === 'process' && column.name !== 'attested'
const TIMELINE_COLUMNS = ATTEMPT_METRICS_COLUMNS.filter(isTimelineColumn).map((column) => column.name)

/** A Prisma `select` of every metrics column. */
export const attemptMetricsSelect = Object.fromEntries(ATTEMPT_METRICS_COLUMNS.map((column) => [column.name, true])) as {
	readonly [C in AttemptMetricsColumnName]: true
}

const capInt = (value: number) => Math.min(MAX_INT, Math.max(0, Math.round(value)))

/** The row to store for an attempt: its outcome, and its metrics with durations capped to fit an Int. */
export function metricsColumns(
	metrics: AttemptMetrics,
	attempt: { solved: boolean; firstAttempt: boolean; startedAt: Date; finishedAt: Date; attested: boolean },
): AttemptMetricsColumns {
	const columns = Object.fromEntries(TIMELINE_COLUMNS.map((name) => [name, metrics[name]])) as Pick<AttemptMetricsColumns, TimelineColumnName>
	return {
		...columns,
		solved: attempt.solved,
		firstAttempt: attempt.firstAttempt,
		startedAt: attempt.startedAt,
		finishedAt: attempt.finishedAt,
		durationMs: capInt(attempt.finishedAt.getTime() - attempt.startedAt.getTime()),
		timeToFirstHypothesisMs: metrics.timeToFirstHypothesisMs === null ? null : capInt(metrics.timeToFirstHypothesisMs),
		timeToRootCauseMs: metrics.timeToRootCauseMs === null ? null : capInt(metrics.timeToRootCauseMs),
		attested: attempt.attested,
	}
}

/** Back from stored columns to what summarizePeriod (metrics.ts) reads. */
export function toAttemptMetrics(row: Pick<AttemptMetricsColumns, TimelineColumnName>): AttemptMetrics {
	const metrics = Object.fromEntries(TIMELINE_COLUMNS.map((name) => [name, row[name]])) as Pick<AttemptMetricsColumns, TimelineColumnName>
	return { ...metrics, predictionAccuracy: row.predictionsScored > 0 ? row.predictionsRight / row.predictionsScored : null }
}
