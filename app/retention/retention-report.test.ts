import { describe, expect, test } from 'vitest'
import { MIN_SAMPLE_FOR_RATE } from '#app/growth/proportions.ts'
import { describeCheckResult, retentionReport, type FamilyAttempt } from './retention-report.ts'

const day = (n: number) => new Date(Date.UTC(2026, 9, n, 10))
const MIN = 60_000
let ids = 0
function attempt(family: string, start: number, outcome: Partial<FamilyAttempt> = {}): FamilyAttempt {
	ids += 1
	return {
		attemptId: `a${ids}`,
		family,
		topics: ['concurrency'],
		startedAt: day(start),
		finishedAt: day(start),
		solved: true,
		failedFixes: 0,
		timeToRootCauseMs: 20 * MIN,
		check: null,
		...outcome,
	}
}
const checkOf = (original: FamilyAttempt, start: number, outcome: Partial<FamilyAttempt> = {}) =>
	attempt(original.family, start, { ...outcome, check: { intervalDays: start - original.startedAt.getUTCDate(), previousAttemptId: original.attemptId } })

describe('retentionReport', () => {
	test('compares each check with the attempt it re-tests', () => {
		const first = attempt('race', 1, { failedFixes: 1, timeToRootCauseMs: 30 * MIN })
		const check = checkOf(first, 9, { timeToRootCauseMs: 18 * MIN })
		const report = retentionReport([[first, check]])
		expect(report.overall.retention).toMatchObject({ checks: 1, medianTimeRatio: 0.6, medianIntervalDays: 8 })
		expect(report.overall.retention.firstTry).toMatchObject({ successes: 1, total: 1, shown: false })
		expect(report.overall.retention.originalFirstTry).toMatchObject({ successes: 0, total: 1 })
	})

	test('counts a team’s checks together, by topic and by family, and shows rates only from the minimum sample', () => {
		const learners = Array.from({ length: MIN_SAMPLE_FOR_RATE }, (_, index) => {
			const first = attempt('race', 1)
			return [first, checkOf(first, 10, { solved: index > 0, failedFixes: 0 })]
		})
		const report = retentionReport(learners)
		expect(report.overall.retention.firstTry).toMatchObject({ successes: MIN_SAMPLE_FOR_RATE - 1, total: MIN_SAMPLE_FOR_RATE, shown: true })
		expect(report.byTopic.map((row) => row.topic)).toEqual(['concurrency'])
		expect(report.byFamily.map((row) => [row.family, row.retention.checks])).toEqual([['race', MIN_SAMPLE_FOR_RATE]])
	})

	test('transfer: the next variant after a solved one, whether or not it came as a check', () => {
		const solved = attempt('cursor', 1)
		const next = attempt('cursor', 3, { solved: false })
		const third = attempt('cursor', 20)
		const missedFirst = attempt('cache', 1, { solved: false })
		const afterMiss = attempt('cache', 5)
		const report = retentionReport([[solved, next, third, missedFirst, afterMiss]])
		// Only `next` follows a solve (`third` follows a miss, `afterMiss` too).
		expect(report.overall.transfer.solved).toMatchObject({ successes: 0, total: 1 })
		expect(report.byFamily.find((row) => row.family === 'cursor')?.transfer.solved.total).toBe(1)
	})

	test('within a period, only checks started in it count, compared with originals from before it', () => {
		const first = attempt('race', 1)
		const inside = checkOf(first, 12)
		const report = retentionReport([[first, inside]], { from: day(10), to: day(20) })
		expect(report.overall.retention.checks).toBe(1)
		expect(report.overall.retention.originalFirstTry.total).toBe(1)
		expect(retentionReport([[first, inside]], { from: day(13), to: day(20) }).overall.retention.checks).toBe(0)
	})

	test('an empty history gives empty figures, not zeros that look like results', () => {
		const report = retentionReport([])
		expect(report.overall.retention).toMatchObject({ checks: 0, medianTimeRatio: null, medianIntervalDays: null })
		expect(report.overall.retention.firstTry.rate).toBeNull()
		expect(report.byTopic).toEqual([])
	})
})

describe('describeCheckResult', () => {
	const format = (date: Date) => date.toISOString().slice(0, 10)
	test('names the original and how the check went', () => {
		const first = attempt('race', 3, { timeToRootCauseMs: 30 * MIN })
		expect(describeCheckResult(checkOf(first, 12, { timeToRootCauseMs: 18 * MIN }), first, format)).toBe(
			'A retention check of something you solved on 2026-10-03: solved at the first fix, root cause found 40 % faster.',
		)
		expect(describeCheckResult(checkOf(first, 12, { solved: false, timeToRootCauseMs: null }), first, format)).toBe(
			'A retention check of something you solved on 2026-10-03: not solved this time.',
		)
		const struggled = attempt('race', 3, { solved: false, timeToRootCauseMs: 10 * MIN })
		expect(describeCheckResult(checkOf(struggled, 12, { failedFixes: 2, timeToRootCauseMs: 15 * MIN }), struggled, format)).toBe(
			'A retention check of something you tried on 2026-10-03: solved, root cause found 50 % slower.',
		)
	})
})
