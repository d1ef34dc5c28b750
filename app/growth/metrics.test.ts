import { describe, expect, it } from 'vitest'
import type { TimelineEvent } from '#app/attempts/replay.ts'
import { MIN_SAMPLE, attemptMetrics, comparePeriods, median, summarizePeriod, type AttemptMetrics } from './metrics.ts'

const start = Date.UTC(2026, 11, 1, 10)
const minutes = (n: number) => n * 60_000

/** A timeline from [minute, type, data] triples, numbered in the order given. */
function timeline(...events: Array<[number, string, Record<string, unknown>?]>): TimelineEvent[] {
	return events.map(([minute, type, data], i) => ({ position: i + 1, type, at: new Date(start + minutes(minute)), data: data ?? {} }))
}

const hypothesis = (text = 'The cursor skips a row') => ({ entryId: crypto.randomUUID(), kind: 'hypothesis', text })
const run = (runId: string, predictionCorrect: boolean | null = null) => ({
	runId,
	number: 1,
	status: 'fail',
	passed: 1,
	failed: 1,
	predictionCorrect,
	changes: {},
})
const submission = (grade: { locationCorrect: boolean; categoryCorrect: boolean; fixCorrect: boolean }) => ({
	number: 1,
	...grade,
	correct: grade.locationCorrect && grade.categoryCorrect && grade.fixCorrect,
	changes: {},
})
const right = { locationCorrect: true, categoryCorrect: true, fixCorrect: true }

// A careful attempt: observation, hypothesis at 4 min, three runs with predictions, a wrong
// diagnosis, then the right cause at 30 min with a fix that fails, then a fix that works.
const careful = timeline(
	[0, 'started'],
	[2, 'journal.add', { entryId: crypto.randomUUID(), kind: 'observation', text: 'Page 2 repeats an item' }],
	[4, 'journal.add', hypothesis()],
	[5, 'run', run('r1', true)],
	[9, 'run', run('r2', false)],
	[12, 'run', run('r3', null)],
	[13, 'prediction.mark', { runId: 'r3', correct: true }],
	[20, 'submission', submission({ locationCorrect: false, categoryCorrect: true, fixCorrect: false })],
	[25, 'run', run('r4')],
	[30, 'submission', submission({ locationCorrect: true, categoryCorrect: true, fixCorrect: false })],
	[41, 'submission', submission(right)],
)

describe('attemptMetrics', () => {
	const metrics = attemptMetrics(careful, { attested: true })

	it('times the first hypothesis from the start, ignoring observations', () => {
		expect(metrics.timeToFirstHypothesisMs).toBe(minutes(4))
		expect(
			attemptMetrics(timeline([0, 'started'], [3, 'journal.add', { entryId: 'x', kind: 'observation', text: 'slow' }]), { attested: true })
				.timeToFirstHypothesisMs,
		).toBeNull()
	})

	it('times the root cause to the first submission with the right location and category, even when its fix failed', () => {
		expect(metrics.timeToRootCauseMs).toBe(minutes(30))
		const neverFound = timeline([0, 'started'], [10, 'submission', submission({ locationCorrect: true, categoryCorrect: false, fixCorrect: true })])
		expect(attemptMetrics(neverFound, { attested: true }).timeToRootCauseMs).toBeNull()
	})

	it('counts the runs before the right diagnosis, or all of them when it never came', () => {
		expect(metrics.runs).toBe(4)
		expect(metrics.runsPerDiagnosis).toBe(4)
		const beforeAndAfter = timeline(
			[0, 'started'],
			[1, 'run', run('a')],
			[2, 'submission', submission({ ...right, fixCorrect: false })],
			[3, 'run', run('b')],
			[4, 'run', run('c')],
		)
		expect(attemptMetrics(beforeAndAfter, { attested: true }).runsPerDiagnosis).toBe(1)
		const never = timeline([0, 'started'], [1, 'run', run('a')], [2, 'run', run('b')], [3, 'gave-up'])
		expect(attemptMetrics(never, { attested: true }).runsPerDiagnosis).toBe(2)
	})

	it("scores predictions settled by the run and by the learner's own mark, leaving unscored ones out", () => {
		expect(metrics).toMatchObject({ predictionsScored: 3, predictionsRight: 2 })
		expect(metrics.predictionAccuracy).toBeCloseTo(2 / 3, 9)
		expect(attemptMetrics(timeline([0, 'started'], [1, 'run', run('a')]), { attested: true }).predictionAccuracy).toBeNull()
		const remarked = timeline(
			[0, 'started'],
			[1, 'run', run('a')],
			[2, 'prediction.mark', { runId: 'a', correct: true }],
			[3, 'prediction.mark', { runId: 'a', correct: false }],
		)
		expect(attemptMetrics(remarked, { attested: true })).toMatchObject({ predictionsScored: 1, predictionsRight: 0 })
	})

	it('counts failed fixes and the submissions that had to follow them', () => {
		expect(metrics.submissions).toBe(3)
		expect(metrics.failedFixes).toBe(2)
		expect(metrics.rework).toBe(2)
		const firstTime = attemptMetrics(timeline([0, 'started'], [5, 'submission', submission(right)]), { attested: true })
		expect(firstTime).toMatchObject({ submissions: 1, failedFixes: 0, rework: 0 })
		// Resubmitting because the location was wrong, with a fix that worked, is not rework.
		const wrongPlace = timeline([0, 'started'], [5, 'submission', submission({ ...right, locationCorrect: false })], [9, 'submission', submission(right)])
		expect(attemptMetrics(wrongPlace, { attested: true })).toMatchObject({ submissions: 2, failedFixes: 0, rework: 0 })
	})

	it('is independent only with no hints, no outside pastes that went in, and an attestation', () => {
		expect(metrics.independent).toBe(true)
		expect(attemptMetrics(careful, { attested: false }).independent).toBe(false)
		const refusedPaste = timeline(
			[0, 'started'],
			[1, 'paste', { chars: 300, outside: true, blocked: true }],
			[2, 'paste', { chars: 20, outside: false, blocked: false }],
		)
		expect(attemptMetrics(refusedPaste, { attested: true })).toMatchObject({ outsidePastes: 0, independent: true })
		const pasted = timeline([0, 'started'], [1, 'paste', { chars: 300, outside: true, blocked: false }])
		expect(attemptMetrics(pasted, { attested: true })).toMatchObject({ outsidePastes: 1, independent: false })
	})

	it('counts each hint once, and a hint breaks independence', () => {
		const hinted = timeline([0, 'started'], [6, 'hint.revealed', { index: 0 }], [7, 'hint.revealed', { index: 0 }], [15, 'hint.revealed', { index: 1 }])
		expect(attemptMetrics(hinted, { attested: true })).toMatchObject({ hintsUsed: 2, independent: false })
	})

	it('reads the timeline by position, whatever order it is handed in', () => {
		expect(attemptMetrics([...careful].reverse(), { attested: true })).toEqual(metrics)
	})
})

describe('median', () => {
	it('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([])).toBeNull()
		expect(median([7])).toBe(7)
		expect(median([9, 1, 5])).toBe(5)
		expect(median([4, 1, 10, 2])).toBe(3)
	})
})

function attempt(overrides: Partial<AttemptMetrics>): AttemptMetrics {
	return {
		timeToFirstHypothesisMs: null,
		timeToRootCauseMs: null,
		runsPerDiagnosis: 0,
		runs: 0,
		predictionsScored: 0,
		predictionsRight: 0,
		predictionAccuracy: null,
		submissions: 0,
		failedFixes: 0,
		rework: 0,
		hintsUsed: 0,
		outsidePastes: 0,
		independent: false,
		...overrides,
	}
}

describe('summarizePeriod', () => {
	const period = summarizePeriod([
		attempt({
			timeToFirstHypothesisMs: minutes(4),
			timeToRootCauseMs: minutes(30),
			runsPerDiagnosis: 4,
			predictionsScored: 3,
			predictionsRight: 2,
			submissions: 3,
			failedFixes: 2,
			rework: 2,
			independent: true,
		}),
		attempt({
			timeToFirstHypothesisMs: minutes(10),
			timeToRootCauseMs: minutes(50),
			runsPerDiagnosis: 2,
			predictionsScored: 1,
			predictionsRight: 1,
			submissions: 1,
			hintsUsed: 2,
		}),
		attempt({ timeToFirstHypothesisMs: minutes(6), runsPerDiagnosis: 7, submissions: 1, failedFixes: 1, hintsUsed: 1 }),
		attempt({ runsPerDiagnosis: 1, independent: true }),
	])

	it('takes medians of the times over the attempts that have them', () => {
		expect(period.sampleSize).toBe(4)
		expect(period.timeToFirstHypothesisMs).toEqual({ value: minutes(6), sample: 3, enough: true })
		expect(period.timeToRootCauseMs).toEqual({ value: minutes(40), sample: 2, enough: false })
		expect(period.runsPerDiagnosis.value).toBe(3)
	})

	it('pools the rates', () => {
		expect(period.failedFixRate).toEqual({ value: 3 / 5, sample: 3, enough: true })
		// Two attempts had a failed fix; only one went on to submit again.
		expect(period.reworkRate).toEqual({ value: 1 / 2, sample: 2, enough: false })
		expect(period.predictionAccuracy).toEqual({ value: 3 / 4, sample: 2, enough: false })
		expect(period.independenceRate.value).toBe(1 / 2)
		expect(period.hintsPerAttempt.value).toBe(3 / 4)
	})

	it('has no figures for an empty period, and says so', () => {
		const empty = summarizePeriod([])
		expect(empty).toMatchObject({ sampleSize: 0, enough: false })
		expect(empty.timeToFirstHypothesisMs).toEqual({ value: null, sample: 0, enough: false })
		expect(empty.independenceRate.value).toBeNull()
		expect(empty.failedFixRate.value).toBeNull()
	})

	it(`needs ${MIN_SAMPLE} attempts to be enough`, () => {
		const few = Array.from({ length: MIN_SAMPLE - 1 }, () => attempt({ independent: true }))
		expect(summarizePeriod(few).enough).toBe(false)
		expect(summarizePeriod([...few, attempt({})]).enough).toBe(true)
	})
})

describe('comparePeriods', () => {
	const steady = (overrides: Partial<AttemptMetrics>) => Array.from({ length: 3 }, () => attempt(overrides))

	it('reads lower times and fewer failed fixes as better, and higher accuracy and independence as better', () => {
		const previous = summarizePeriod(
			steady({
				timeToFirstHypothesisMs: minutes(12),
				timeToRootCauseMs: minutes(60),
				submissions: 2,
				failedFixes: 1,
				predictionsScored: 4,
				predictionsRight: 2,
				hintsUsed: 2,
			}),
		)
		const current = summarizePeriod(
			steady({
				timeToFirstHypothesisMs: minutes(5),
				timeToRootCauseMs: minutes(70),
				submissions: 1,
				failedFixes: 0,
				predictionsScored: 4,
				predictionsRight: 3,
				independent: true,
			}),
		)
		const comparison = comparePeriods(current, previous)
		expect(comparison.timeToFirstHypothesisMs).toEqual({ current: minutes(5), previous: minutes(12), change: -minutes(7), direction: 'better', enough: true })
		expect(comparison.timeToRootCauseMs.direction).toBe('worse')
		expect(comparison.failedFixRate).toMatchObject({ current: 0, previous: 0.5, direction: 'better' })
		expect(comparison.predictionAccuracy).toMatchObject({ change: 0.25, direction: 'better' })
		expect(comparison.independenceRate).toMatchObject({ current: 1, previous: 0, direction: 'better' })
		expect(comparison.hintsPerAttempt).toMatchObject({ current: 0, previous: 2, direction: 'better' })
	})

	it('reads the opposite changes as worse', () => {
		const good = summarizePeriod(
			steady({ timeToFirstHypothesisMs: minutes(5), submissions: 1, failedFixes: 0, predictionsScored: 2, predictionsRight: 2, independent: true }),
		)
		const bad = summarizePeriod(steady({ timeToFirstHypothesisMs: minutes(9), submissions: 1, failedFixes: 1, predictionsScored: 2, predictionsRight: 1 }))
		const comparison = comparePeriods(bad, good)
		expect(comparison.timeToFirstHypothesisMs.direction).toBe('worse')
		expect(comparison.failedFixRate.direction).toBe('worse')
		expect(comparison.predictionAccuracy.direction).toBe('worse')
		expect(comparison.independenceRate.direction).toBe('worse')
	})

	it('calls small changes the same', () => {
		const previous = summarizePeriod(steady({ timeToFirstHypothesisMs: minutes(10), runsPerDiagnosis: 4 }))
		const current = summarizePeriod(steady({ timeToFirstHypothesisMs: minutes(10) + 20_000, runsPerDiagnosis: 4 }))
		const comparison = comparePeriods(current, previous)
		expect(comparison.timeToFirstHypothesisMs.direction).toBe('same')
		expect(comparison.runsPerDiagnosis).toMatchObject({ change: 0, direction: 'same' })
	})

	it('flags figures resting on too few attempts, and gives no direction without a value on both sides', () => {
		const previous = summarizePeriod([attempt({ timeToRootCauseMs: minutes(40) }), attempt({}), attempt({})])
		const current = summarizePeriod(steady({ timeToRootCauseMs: minutes(20) }))
		const comparison = comparePeriods(current, previous)
		expect(comparison.timeToRootCauseMs).toMatchObject({ direction: 'better', enough: false })
		expect(comparison.independenceRate.enough).toBe(true)
		expect(comparison.reworkRate).toEqual({ current: null, previous: null, change: null, direction: null, enough: false })
	})
})
