// When hints unlock: only after real effort, measured as minutes into the attempt and
// hypotheses recorded, in the order the author wrote them. Pure. The texts of hints not yet
// revealed never leave the server; the workspace learns only what the next one needs.
import type { ExerciseMetadata } from '#app/exercises/schema.ts'

type Hint = ExerciseMetadata['hints'][number]

export type NextHint = {
	index: number
	unlocked: boolean
	/** Whole minutes still to go (0 when the time condition is met). */
	minutesLeft: number
	/** Hypotheses still to record (0 when met). */
	hypothesesLeft: number
}

export type HintState = {
	allowed: boolean
	revealed: Array<{ index: number; text: string }>
	/** The next hint to reveal, or null when every hint is out (no count of what remains is given). */
	next: NextHint | null
}

export function hintState(
	hints: Hint[],
	progress: { revealedCount: number; startedAt: Date; now: Date; hypothesisCount: number; hintsAllowed: boolean },
): HintState {
	const revealed = hints.slice(0, progress.revealedCount).map((hint, index) => ({ index, text: hint.text }))
	const upcoming = hints[progress.revealedCount]
	if (!upcoming || !progress.hintsAllowed) return { allowed: progress.hintsAllowed, revealed, next: null }
	const minutesIn = (progress.now.getTime() - progress.startedAt.getTime()) / 60_000
	const minutesLeft = Math.max(0, Math.ceil(upcoming.unlock.afterMinutes - minutesIn))
	const hypothesesLeft = Math.max(0, upcoming.unlock.afterHypotheses - progress.hypothesisCount)
	return {
		allowed: true,
		revealed,
		next: { index: progress.revealedCount, unlocked: minutesLeft === 0 && hypothesesLeft === 0, minutesLeft, hypothesesLeft },
	}
}

/** Why the next hint cannot be revealed yet, in the learner's words; null when it can. */
export function hintLockReason(next: NextHint | null, allowed: boolean): string | null {
	if (!allowed) return 'Hints are turned off for this assignment.'
	if (!next) return 'There are no more hints for this exercise.'
	if (next.unlocked) return null
	const needs = [
		next.minutesLeft > 0 ? `${next.minutesLeft} more ${next.minutesLeft === 1 ? 'minute' : 'minutes'} of work` : null,
		next.hypothesesLeft > 0 ? `${next.hypothesesLeft} more ${next.hypothesesLeft === 1 ? 'hypothesis' : 'hypotheses'} in your journal` : null,
	].filter(Boolean)
	return `The next hint unlocks after ${needs.join(' and ')}.`
}
