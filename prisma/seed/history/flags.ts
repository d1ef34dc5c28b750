// The flags learners raise in the demo history: a few exercises reported as ambiguous, broken or
// too easy after an attempt at them, most still open, so the lead's overview and the review
// queue show what a flag looks like. Drawn from their own random stream, so adding them leaves
// every other part of the history as it was.
import type { FlagReason } from '#app/reviews/flags.ts'
import type { Random } from '#app/utils/random.ts'
import type { PlannedAttempt } from './plan.ts'

const COMMENTS: Record<FlagReason, string[]> = {
	ambiguous: [
		'The brief says “orders” but the tests count order lines; I lost ten minutes on which one the bug is about.',
		'Two categories fit the cause equally well here; the brief could say whether the config or the code is meant to change.',
	],
	broken: ['A visible test failed on the untouched starter before I changed anything, and passed after a reload. Flaky?'],
	too_easy: ['The log line in the brief names the function with the bug; it was solved before the first run.'],
}

export type PlannedFlag = { attempt: PlannedAttempt; reason: FlagReason; comment: string; at: number; resolved: boolean }

/**
 * Up to `count` flags on attempts finished in the last `withinDays` days: one per learner and
 * exercise, about an hour after the attempt ended. Every third is already resolved.
 */
export function planFlags(
	random: Random,
	finished: ReadonlyArray<{ plan: PlannedAttempt; finishedAt: number }>,
	end: number,
	{ count = 3, withinDays = 30 } = {},
): PlannedFlag[] {
	const recent = finished.filter((attempt) => attempt.finishedAt >= end - withinDays * 86_400_000 && attempt.finishedAt < end - 3_600_000)
	const seen = new Set<string>()
	const flags: PlannedFlag[] = []
	for (const attempt of random.shuffle([...recent])) {
		if (flags.length >= count) break
		const key = `${attempt.plan.persona.email}:${attempt.plan.exercise.slug}`
		if (seen.has(key)) continue
		seen.add(key)
		const reason: FlagReason = attempt.plan.solved
			? attempt.plan.durationMinutes < 15
				? 'too_easy'
				: 'ambiguous'
			: random.pick(['ambiguous', 'broken'] as const)
		flags.push({ attempt: attempt.plan, reason, comment: random.pick(COMMENTS[reason]), at: attempt.finishedAt + 3_600_000, resolved: flags.length === 2 })
	}
	return flags
}
