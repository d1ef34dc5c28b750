// Process metrics: how an engineer debugged, read off one attempt's recorded timeline
// (ADR 008), then summed up over a period and compared with the period before. Pure.
import type { TimelineEvent } from '#app/attempts/replay.ts'

export type AttemptMetrics = {
	/** From the start to the first hypothesis in the journal; null when none was written. */
	timeToFirstHypothesisMs: number | null
	/** From the start to the first submission naming the right location and category; null if never. */
	timeToRootCauseMs: number | null
	/** Runs before the first correct diagnosis, or every run when there was none. */
	runsPerDiagnosis: number
	runs: number
	predictionsScored: number
	predictionsRight: number
	/** Right / scored predictions; null when no prediction was scored. */
	predictionAccuracy: number | null
	submissions: number
	/** Submissions whose fix did not make every visible and hidden test pass. */
	failedFixes: number
	/** Submissions made after a failed fix: the fix had to be redone. */
	rework: number
	hintsUsed: number
	/** Outside pastes that went in; refused (blocked) ones brought nothing in, so they are not counted. */
	outsidePastes: number
	/** No hints, no outside pastes, and the learner attested the work was their own. */
	independent: boolean
}

type EventData = Record<string, unknown>
const dataOf = (event: TimelineEvent): EventData => (event.data && typeof event.data === 'object' ? (event.data as EventData) : {})

/** The metrics of one attempt, from its timeline in any order (it is read by position). */
export function attemptMetrics(events: TimelineEvent[], options: { attested: boolean }): AttemptMetrics {
	const ordered = [...events].sort((a, b) => a.position - b.position)
	const started = ordered.find((event) => event.type === 'started') ?? ordered[0]
	const sinceStart = (event: TimelineEvent) => (started ? Math.max(0, event.at.getTime() - started.at.getTime()) : 0)

	let timeToFirstHypothesisMs: number | null = null
	let timeToRootCauseMs: number | null = null
	let runs = 0
	let runsBeforeDiagnosis: number | null = null
	let submissions = 0
	let failedFixes = 0
	let rework = 0
	let outsidePastes = 0
	const hints = new Set<unknown>()
	// A run's prediction is scored when it runs, or later by the learner's own mark on free text.
	const predictions = new Map<string, boolean | null>()
	const marks: Array<{ runId: string; correct: boolean }> = []

	for (const event of ordered) {
		const data = dataOf(event)
		switch (event.type) {
			case 'journal.add':
				if (data.kind === 'hypothesis' && timeToFirstHypothesisMs === null) timeToFirstHypothesisMs = sinceStart(event)
				break
			case 'run':
				runs++
				predictions.set(
					typeof data.runId === 'string' ? data.runId : `run-${event.position}`,
					typeof data.predictionCorrect === 'boolean' ? data.predictionCorrect : null,
				)
				break
			case 'prediction.mark':
				if (typeof data.runId === 'string' && typeof data.correct === 'boolean') marks.push({ runId: data.runId, correct: data.correct })
				break
			case 'hint.revealed':
				hints.add(data.index ?? `hint-${event.position}`)
				break
			case 'paste':
				if (data.outside === true && data.blocked !== true) outsidePastes++
				break
			case 'submission':
				if (failedFixes > 0) rework++
				submissions++
				if (data.fixCorrect !== true) failedFixes++
				if (data.locationCorrect === true && data.categoryCorrect === true && timeToRootCauseMs === null) {
					timeToRootCauseMs = sinceStart(event)
					runsBeforeDiagnosis = runs
				}
				break
		}
	}
	for (const mark of marks) if (predictions.has(mark.runId)) predictions.set(mark.runId, mark.correct)

	const scored = [...predictions.values()].filter((correct) => correct !== null)
	const predictionsRight = scored.filter((correct) => correct).length
	return {
		timeToFirstHypothesisMs,
		timeToRootCauseMs,
		runsPerDiagnosis: runsBeforeDiagnosis ?? runs,
		runs,
		predictionsScored: scored.length,
		predictionsRight,
		predictionAccuracy: scored.length ? predictionsRight / scored.length : null,
		submissions,
		failedFixes,
		rework,
		hintsUsed: hints.size,
		outsidePastes,
		independent: hints.size === 0 && outsidePastes === 0 && options.attested,
	}
}

// ---------------------------------------------------------------------------------------
// A period

export const METRIC_NAMES = [
	'timeToFirstHypothesisMs',
	'timeToRootCauseMs',
	'runsPerDiagnosis',
	'predictionAccuracy',
	'failedFixRate',
	'reworkRate',
	'independenceRate',
	'hintsPerAttempt',
] as const
export type MetricName = (typeof METRIC_NAMES)[number]

/** Fewer attempts than this behind a figure, and pages should not show it as a trend. */
export const MIN_SAMPLE = 3

/** A figure over a period; `sample` counts the attempts it was computed from. */
export type PeriodFigure = { value: number | null; sample: number; enough: boolean }

export type PeriodMetrics = { sampleSize: number; enough: boolean } & Record<MetricName, PeriodFigure>

/**
 * Times and runs are medians (one lost afternoon should not swing them); rates are pooled
 * over everything in the period. The rework rate is the share of attempts with a failed fix
 * in which the engineer submitted again afterwards.
 */
export function summarizePeriod(attempts: AttemptMetrics[]): PeriodMetrics {
	const times = (pick: (attempt: AttemptMetrics) => number | null) => {
		const values = attempts.map(pick).filter((value) => value !== null)
		return periodFigure(median(values), values.length)
	}
	const predicting = attempts.filter((attempt) => attempt.predictionsScored > 0)
	const submitting = attempts.filter((attempt) => attempt.submissions > 0)
	const failing = attempts.filter((attempt) => attempt.failedFixes > 0)
	return {
		sampleSize: attempts.length,
		enough: attempts.length >= MIN_SAMPLE,
		timeToFirstHypothesisMs: times((attempt) => attempt.timeToFirstHypothesisMs),
		timeToRootCauseMs: times((attempt) => attempt.timeToRootCauseMs),
		runsPerDiagnosis: periodFigure(median(attempts.map((attempt) => attempt.runsPerDiagnosis)), attempts.length),
		predictionAccuracy: periodFigure(ratio(sum(predicting, 'predictionsRight'), sum(predicting, 'predictionsScored')), predicting.length),
		failedFixRate: periodFigure(ratio(sum(submitting, 'failedFixes'), sum(submitting, 'submissions')), submitting.length),
		reworkRate: periodFigure(ratio(failing.filter((attempt) => attempt.rework > 0).length, failing.length), failing.length),
		independenceRate: periodFigure(ratio(attempts.filter((attempt) => attempt.independent).length, attempts.length), attempts.length),
		hintsPerAttempt: periodFigure(ratio(sum(attempts, 'hintsUsed'), attempts.length), attempts.length),
	}
}

export type Direction = 'better' | 'worse' | 'same'

export type MetricComparison = {
	current: number | null
	previous: number | null
	/** current − previous; null when either period has no value. */
	change: number | null
	direction: Direction | null
	/** Both periods rest on enough attempts for the change to mean something. */
	enough: boolean
}

/**
 * Which way is better, and how small a change still reads as "same": rates within two
 * percentage points, times and counts within 5% of the previous value. Fewer runs before the
 * right diagnosis counts as better: each experiment was chosen to tell more. Rework counts
 * like failed fixes, as cost.
 */
const POLARITY: Record<MetricName, { better: 'lower' | 'higher'; same: { absolute: number } | { relative: number } }> = {
	timeToFirstHypothesisMs: { better: 'lower', same: { relative: 0.05 } },
	timeToRootCauseMs: { better: 'lower', same: { relative: 0.05 } },
	runsPerDiagnosis: { better: 'lower', same: { relative: 0.05 } },
	predictionAccuracy: { better: 'higher', same: { absolute: 0.02 } },
	failedFixRate: { better: 'lower', same: { absolute: 0.02 } },
	reworkRate: { better: 'lower', same: { absolute: 0.02 } },
	independenceRate: { better: 'higher', same: { absolute: 0.02 } },
	hintsPerAttempt: { better: 'lower', same: { relative: 0.05 } },
}

export function comparePeriods(current: PeriodMetrics, previous: PeriodMetrics): Record<MetricName, MetricComparison> {
	const compare = (name: MetricName): MetricComparison => {
		const now = current[name].value
		const before = previous[name].value
		const enough = current[name].enough && previous[name].enough
		if (now === null || before === null) return { current: now, previous: before, change: null, direction: null, enough }
		const change = now - before
		const { better, same } = POLARITY[name]
		const tolerance = 'absolute' in same ? same.absolute : same.relative * Math.abs(before)
		const direction: Direction = Math.abs(change) <= tolerance ? 'same' : change < 0 === (better === 'lower') ? 'better' : 'worse'
		return { current: now, previous: before, change, direction, enough }
	}
	return Object.fromEntries(METRIC_NAMES.map((name) => [name, compare(name)])) as Record<MetricName, MetricComparison>
}

/** A figure and the sample behind it, `enough` from MIN_SAMPLE. */
export function periodFigure(value: number | null, sample: number): PeriodFigure {
	return { value, sample, enough: sample >= MIN_SAMPLE }
}

export function median(values: number[]): number | null {
	if (values.length === 0) return null
	const sorted = [...values].sort((a, b) => a - b)
	const middle = Math.floor(sorted.length / 2)
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

function ratio(part: number, whole: number): number | null {
	return whole > 0 ? part / whole : null
}

function sum(attempts: AttemptMetrics[], key: 'predictionsRight' | 'predictionsScored' | 'failedFixes' | 'submissions' | 'hintsUsed'): number {
	return attempts.reduce((total, attempt) => total + attempt[key], 0)
}
