// When hints unlock: only after real effort, measured as minutes into the attempt and
// hypotheses recorded, in the order the author wrote them. Pure. The texts of hints not yet
// revealed never leave the server; the workspace learns only what the next one needs (its
// unlock rule), so it can show the lock lifting as time passes without asking the server.
import type { ExerciseMetadata } from '#app/exercises/schema.ts'
import { fadedUnlock, type HintFading } from './hint-fading.ts'

type Hint = ExerciseMetadata['hints'][number]
export type HintUnlock = Hint['unlock']

export type NextHint = {
	index: number
	/** The author's rule for this hint; the workspace recomputes the lock from it as time passes. */
	unlock: HintUnlock
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
	/** How the learner's ratings moved the unlock times (hint-fading.ts), in words for the Hints tab (also while they stay the author's, and why); null without them. */
	fading: string | null
}

/** The effort so far: the attempt's start, the moment asked about, the hypotheses recorded. */
export type HintEffort = { startedAt: Date; now: Date; hypothesisCount: number }

function nextHint(index: number, unlock: HintUnlock, effort: HintEffort): NextHint {
	const minutesIn = (effort.now.getTime() - effort.startedAt.getTime()) / 60_000
	const minutesLeft = Math.max(0, Math.ceil(unlock.afterMinutes - minutesIn))
	const hypothesesLeft = Math.max(0, unlock.afterHypotheses - effort.hypothesisCount)
	return { index, unlock, unlocked: minutesLeft === 0 && hypothesesLeft === 0, minutesLeft, hypothesesLeft }
}

/**
 * `fading` (app/attempts/hint-fading.ts) scales the author's unlock rule to the learner's
 * ratings: later for a strong learner, sooner for a beginner. Without it, the rule as written.
 */
export function hintState(
	hints: Hint[],
	progress: { revealedCount: number; startedAt: Date; now: Date; hypothesisCount: number; hintsAllowed: boolean },
	fading?: HintFading,
): HintState {
	const revealed = hints.slice(0, progress.revealedCount).map((hint, index) => ({ index, text: hint.text }))
	const upcoming = hints[progress.revealedCount]
	const explanation = fading ? fading.explanation : null
	if (!upcoming || !progress.hintsAllowed) return { allowed: progress.hintsAllowed, revealed, next: null, fading: explanation }
	const unlock = fading ? fadedUnlock(upcoming.unlock, fading) : upcoming.unlock
	return { allowed: true, revealed, next: nextHint(progress.revealedCount, unlock, progress), fading: explanation }
}

/**
 * When the next hint unlocked: its time condition met and its hypotheses recorded, whichever
 * came last; null while it is locked. `hypothesisTimes` are when the hypotheses were recorded.
 */
export function hintUnlockedAt(next: NextHint, startedAt: Date, hypothesisTimes: readonly Date[]): Date | null {
	const byTime = startedAt.getTime() + next.unlock.afterMinutes * 60_000
	if (next.unlock.afterHypotheses === 0) return new Date(byTime)
	const sorted = [...hypothesisTimes].sort((a, b) => a.getTime() - b.getTime())
	const enough = sorted[next.unlock.afterHypotheses - 1]
	return enough ? new Date(Math.max(byTime, enough.getTime())) : null
}

/**
 * The same state at another moment and hypothesis count, from the rule the server sent: what
 * the workspace shows between page loads. Revealing stays the server's decision.
 */
export function hintStateAt(state: HintState, effort: HintEffort): HintState {
	if (!state.next) return state
	return { ...state, next: nextHint(state.next.index, state.next.unlock, effort) }
}

/**
 * Milliseconds from `effort.now` until the lock's time condition next changes (a minute ticks
 * off or the time is up), or null when time no longer matters. For scheduling the next update.
 */
export function msUntilHintChange(state: HintState, effort: HintEffort): number | null {
	if (!state.next) return null
	const untilUnlock = effort.startedAt.getTime() + state.next.unlock.afterMinutes * 60_000 - effort.now.getTime()
	if (untilUnlock <= 0) return null
	// minutesLeft is a ceiling, so it drops each time the remainder crosses a whole minute.
	return untilUnlock % 60_000 || 60_000
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
