import { describe, expect, it } from 'vitest'
import { ATTEMPT_METRICS_COLUMNS, attemptMetricsSelect, metricsColumns, toAttemptMetrics } from './attempt-metrics-columns.ts'
import type { AttemptMetrics } from './metrics.ts'

const metrics: AttemptMetrics = {
	timeToFirstHypothesisMs: 240_000.4,
	timeToRootCauseMs: null,
	runsPerDiagnosis: 4,
	runs: 5,
	predictionsScored: 4,
	predictionsRight: 3,
	predictionAccuracy: 0.75,
	submissions: 2,
	failedFixes: 1,
	rework: 1,
	hintsUsed: 1,
	outsidePastes: 0,
	independent: false,
}
const attempt = { solved: true, firstAttempt: false, startedAt: new Date('2026-07-01T09:00:00Z'), finishedAt: new Date('2026-07-01T09:30:00Z'), attested: true }

describe('the stored metrics columns', () => {
	it('are one row per attempt: its outcome, its metrics with whole-millisecond times, and whether it was attested', () => {
		expect(metricsColumns(metrics, attempt)).toEqual({
			solved: true,
			firstAttempt: false,
			startedAt: attempt.startedAt,
			finishedAt: attempt.finishedAt,
			durationMs: 1_800_000,
			timeToFirstHypothesisMs: 240_000,
			timeToRootCauseMs: null,
			runs: 5,
			runsPerDiagnosis: 4,
			predictionsScored: 4,
			predictionsRight: 3,
			submissions: 2,
			failedFixes: 1,
			rework: 1,
			hintsUsed: 1,
			outsidePastes: 0,
			attested: true,
			independent: false,
		})
	})

	it('cap a duration too long for an Int column at about 24 days', () => {
		const finishedAt = new Date(attempt.startedAt.getTime() + 40 * 86_400_000)
		expect(metricsColumns(metrics, { ...attempt, finishedAt }).durationMs).toBe(2_147_483_647)
	})

	it('give back what summarizePeriod reads, prediction accuracy included', () => {
		expect(toAttemptMetrics(metricsColumns(metrics, attempt))).toEqual({ ...metrics, timeToFirstHypothesisMs: 240_000 })
		expect(toAttemptMetrics({ ...metricsColumns(metrics, attempt), predictionsScored: 0, predictionsRight: 0 }).predictionAccuracy).toBeNull()
	})

	it('are selected, every one of them, by the Prisma select', () => {
		expect(Object.keys(attemptMetricsSelect)).toEqual(ATTEMPT_METRICS_COLUMNS.map((column) => column.name))
		expect(Object.keys(metricsColumns(metrics, attempt)).sort()).toEqual(Object.keys(attemptMetricsSelect).sort())
	})
})
