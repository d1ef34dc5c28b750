// Retention and transfer, from the attempts at bug-family variants. Pure.
//
// Retention: the attempts that were retention checks (app/models/retention/record.server.ts),
// each against the original attempt it re-tests — was the check solved at the first fix, and
// how long did the root cause take compared with the first time, after how long a gap.
// Transfer: once a learner has solved a variant, does their next variant of the family (every
// variant is set in a different code base) get solved too?
// Rates come with Wilson intervals and are hidden below a minimum sample (proportions.ts).
import { proportion, type Proportion } from '#app/growth/proportions.ts'

export type FamilyAttempt = {
	attemptId: string
	family: string
	topics: readonly string[]
	startedAt: Date
	finishedAt: Date
	solved: boolean
	failedFixes: number
	timeToRootCauseMs: number | null
	/** Set when the attempt was a retention check. */
	check: { intervalDays: number; previousAttemptId: string | null } | null
}

export type RetentionFigures = {
	checks: number
	/** Checks solved at the first fix. */
	firstTry: Proportion
	/** The same, for the original attempts the checks re-test. */
	originalFirstTry: Proportion
	/** Median of (check's time to root cause ÷ the original's), over pairs where both found it; below 1 is faster. */
	medianTimeRatio: number | null
	medianIntervalDays: number | null
}

export type TransferFigures = {
	/** Next variants after a solved one, solved (at any fix). */
	solved: Proportion
}

export type RetentionReport = {
	overall: { retention: RetentionFigures; transfer: TransferFigures }
	byTopic: Array<{ topic: string; retention: RetentionFigures; transfer: TransferFigures }>
	byFamily: Array<{ family: string; retention: RetentionFigures; transfer: TransferFigures }>
}

const firstTry = (attempt: FamilyAttempt) => attempt.solved && attempt.failedFixes === 0

function median(values: number[]): number | null {
	if (values.length === 0) return null
	const sorted = [...values].sort((a, b) => a - b)
	const middle = Math.floor(sorted.length / 2)
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

type CheckPair = { check: FamilyAttempt; original: FamilyAttempt | null }

function retentionFigures(pairs: CheckPair[]): RetentionFigures {
	const originals = pairs.flatMap((pair) => (pair.original ? [pair.original] : []))
	const ratios = pairs.flatMap(({ check, original }) =>
		check.timeToRootCauseMs !== null && original?.timeToRootCauseMs ? [check.timeToRootCauseMs / original.timeToRootCauseMs] : [],
	)
	return {
		checks: pairs.length,
		firstTry: proportion(pairs.filter((pair) => firstTry(pair.check)).length, pairs.length),
		originalFirstTry: proportion(originals.filter(firstTry).length, originals.length),
		medianTimeRatio: median(ratios),
		medianIntervalDays: median(pairs.map((pair) => pair.check.check!.intervalDays)),
	}
}

/** Per learner and family, each attempt that follows a solved variant: the next variant they tried. */
function transferTrials(attempts: FamilyAttempt[]): FamilyAttempt[] {
	const byFamily = new Map<string, FamilyAttempt[]>()
	for (const attempt of attempts) byFamily.set(attempt.family, [...(byFamily.get(attempt.family) ?? []), attempt])
	return [...byFamily.values()].flatMap((inFamily) => {
		const ordered = [...inFamily].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
		return ordered.filter((_, index) => index > 0 && ordered[index - 1]!.solved)
	})
}

function transferFigures(trials: FamilyAttempt[]): TransferFigures {
	return { solved: proportion(trials.filter((trial) => trial.solved).length, trials.length) }
}

/**
 * Retention and transfer over one learner or a team: `byLearner` holds, per learner, their
 * first attempts at family variants (finished ones only, whenever they were). With a period,
 * only checks and next variants started within it count; what they are compared with may be older.
 */
export function retentionReport(byLearner: ReadonlyArray<readonly FamilyAttempt[]>, period?: { from: Date; to: Date }): RetentionReport {
	const within = (attempt: FamilyAttempt) => !period || (attempt.startedAt >= period.from && attempt.startedAt < period.to)
	const pairs: CheckPair[] = []
	const trials: FamilyAttempt[] = []
	for (const attempts of byLearner) {
		const byId = new Map(attempts.map((attempt) => [attempt.attemptId, attempt]))
		for (const attempt of attempts) {
			if (attempt.check && within(attempt))
				pairs.push({ check: attempt, original: attempt.check.previousAttemptId ? (byId.get(attempt.check.previousAttemptId) ?? null) : null })
		}
		trials.push(...transferTrials([...attempts]).filter(within))
	}
	const topics = [...new Set([...pairs.flatMap((pair) => pair.check.topics), ...trials.flatMap((trial) => trial.topics)])].sort()
	const families = [...new Set([...pairs.map((pair) => pair.check.family), ...trials.map((trial) => trial.family)])].sort()
	return {
		overall: { retention: retentionFigures(pairs), transfer: transferFigures(trials) },
		byTopic: topics.map((topic) => ({
			topic,
			retention: retentionFigures(pairs.filter((pair) => pair.check.topics.includes(topic))),
			transfer: transferFigures(trials.filter((trial) => trial.topics.includes(topic))),
		})),
		byFamily: families.map((family) => ({
			family,
			retention: retentionFigures(pairs.filter((pair) => pair.check.family === family)),
			transfer: transferFigures(trials.filter((trial) => trial.family === family)),
		})),
	}
}

/**
 * What the attempt page says once a check is finished: "A retention check of something you
 * solved on 3 Oct: solved, 40 % faster." `formatDay` formats the original's finishing day.
 */
export function describeCheckResult(check: FamilyAttempt, original: FamilyAttempt | null, formatDay: (date: Date) => string): string {
	const before = original ? `something you ${original.solved ? 'solved' : 'tried'} on ${formatDay(original.finishedAt)}` : 'a bug family you met before'
	const outcome = check.solved ? (check.failedFixes === 0 ? 'solved at the first fix' : 'solved') : 'not solved this time'
	let speed = ''
	if (check.timeToRootCauseMs !== null && original?.timeToRootCauseMs) {
		const change = Math.round((1 - check.timeToRootCauseMs / original.timeToRootCauseMs) * 100)
		speed = change > 0 ? `, root cause found ${change} % faster` : change < 0 ? `, root cause found ${-change} % slower` : ', root cause found as fast'
	}
	return `A retention check of ${before}: ${outcome}${speed}.`
}
