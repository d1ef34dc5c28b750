// How well a graded first attempt went, as the score Glicko-2 plays it with: a number from 0
// (nothing found) to 1 (the root cause found fast, fixed first time, without hints). Pure.
//
// Shape: a solve scores from SOLVE_FLOOR (0.5) up to 1, an attempt not solved from 0 up to
// UNSOLVED_CEILING (0.2), so an unsolved attempt always stays well below any solve and the
// outcome still carries most of the evidence. Inside each range the score is the product of
// three factors, each in (0, 1] and each falling as the attempt needed more:
// - speed: the minutes to the correct root cause over the exercise's authored estimate,
//   ratio r, mapped by 1 / (1 + (r / 2)^1.5): 0.89 at half the estimate, 0.74 at the estimate,
//   0.5 at twice it, 0.26 at four times it. Ratios, not minutes, so a long exercise does not
//   count against anyone; the curve is smooth, so a minute more never jumps a step. An unknown
//   time (or estimate) counts as the estimate itself: neither credit nor blame.
// - failed fixes: × 0.8 for each fix the hidden tests refused (a change that had to be undone).
// - hints: × 0.75 for each hint revealed (help that the learner did not find alone).
// An attempt not solved earns credit only when its root cause was found (a fix never passed):
// UNSOLVED_CEILING × speed; without a correct diagnosis it scores 0, whatever else happened.

/** The least a solve is worth: a draw against the exercise. */
export const SOLVE_FLOOR = 0.5
/** The most an attempt not solved is worth (root cause found at once, no fix passed). */
export const UNSOLVED_CEILING = 0.2
/** Root cause found at this multiple of the estimate: the speed factor is one half. */
export const HALF_SPEED_RATIO = 2
/** How sharply the speed factor falls around HALF_SPEED_RATIO. */
export const SPEED_STEEPNESS = 1.5
export const FAILED_FIX_FACTOR = 0.8
export const HINT_FACTOR = 0.75

export type GradedOutcome = {
	solved: boolean
	/** Minutes from the start to the first correct diagnosis; null when it was never found (or not recorded). */
	minutesToRootCause: number | null
	/** The exercise's authored estimate of a typical solve, in minutes; null when unknown. */
	estimatedMinutes: number | null
	failedFixes: number
	hintsRevealed: number
}

/** The speed factor in (0, 1]: 1 for an instant root cause, one half at HALF_SPEED_RATIO times the estimate. */
export function speedFactor(minutesToRootCause: number | null, estimatedMinutes: number | null): number {
	const ratio = minutesToRootCause !== null && estimatedMinutes !== null && estimatedMinutes > 0 ? Math.max(0, minutesToRootCause) / estimatedMinutes : 1
	return 1 / (1 + (ratio / HALF_SPEED_RATIO) ** SPEED_STEEPNESS)
}

/** The attempt's score for Glicko-2, in [0, 1]; the exercise plays 1 − score. */
export function outcomeScore(outcome: GradedOutcome): number {
	const speed = speedFactor(outcome.minutesToRootCause, outcome.estimatedMinutes)
	if (!outcome.solved) return outcome.minutesToRootCause === null ? 0 : UNSOLVED_CEILING * speed
	const quality = speed * FAILED_FIX_FACTOR ** Math.max(0, outcome.failedFixes) * HINT_FACTOR ** Math.max(0, outcome.hintsRevealed)
	return SOLVE_FLOOR + (1 - SOLVE_FLOOR) * quality
}
