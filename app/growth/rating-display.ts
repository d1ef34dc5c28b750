// How ratings and difficulties are written on every page: one place, so an engineer's rating
// reads the same on the profile, the report, the team page and the attempt, and an exercise
// has one difficulty everywhere. Pure, no imports from the rating rules (they import this).

/**
 * A skill rating stays provisional while its deviation (RD) is at least this. Engineers start at
 * RD 350; with RD ≥ 110 the 95 % range (± 2 RD) is still wider than a whole difficulty band
 * (300 points), so the number says little yet. Chess sites draw the line at the same place
 * (Lichess: RD > 110). From the starting RD of 350 an engineer gets below it after about a dozen
 * rated attempts in a topic against calibrated exercises (each attempt narrows the RD by the
 * same amount whatever its score). Until then pages give no points gained or lost either.
 */
export const PROVISIONAL_RD = 110

/** Below this many rated first attempts an exercise shows its authored difficulty. */
export const CALIBRATION_GAMES = 10

export function isProvisional(rd: number): boolean {
	return !(rd < PROVISIONAL_RD)
}

/** "≈1530, provisional" while the rating is unsure, "1530 ± 85" once it has settled. */
export function formatSkillRating(skill: { rating: number; rd: number }): string {
	const rating = Math.round(skill.rating)
	return isProvisional(skill.rd) ? `≈${rating}, provisional` : `${rating} ± ${Math.round(skill.rd)}`
}

/** The same, for a screen reader: "about 1530, provisional" or "1530, give or take 85". */
export function spokenSkillRating(skill: { rating: number; rd: number }): string {
	const rating = Math.round(skill.rating)
	return isProvisional(skill.rd) ? `about ${rating}, provisional` : `${rating}, give or take ${Math.round(skill.rd)}`
}

/** "+23", "−12", "±0": a change in points, with a true minus sign. */
export function formatSignedPoints(delta: number): string {
	const points = Math.round(delta)
	return points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '±0'
}

export type RatingChangeDisplay =
	/** The rating had settled before the attempt: the points it moved mean something. */
	| { kind: 'settled'; text: string; delta: number }
	/** Made while the rating was still provisional: its size says more about the uncertainty than about skill, so no "+232". */
	| { kind: 'provisional'; text: string; after: number }

/** What one rated attempt did to a rating: "+23", or "now ≈1690, provisional" while it was provisional before the attempt. */
export function describeRatingChange(change: { before: number; after: number; rdBefore: number }): RatingChangeDisplay {
	if (isProvisional(change.rdBefore)) return { kind: 'provisional', text: `now ≈${Math.round(change.after)}, provisional`, after: change.after }
	const delta = change.after - change.before
	return { kind: 'settled', text: formatSignedPoints(delta), delta }
}

export type DifficultySource = 'authored' | 'calibrated'

export type DifficultyDisplay = {
	/** The one difficulty pages show and sort by. */
	value: number
	source: DifficultySource
	/** Rated first attempts behind the exercise's own rating. */
	games: number
	/** "calibrated from 14 first attempts", "as authored (3 of 10 first attempts so far)" */
	sourceText: string
}

/**
 * An exercise's difficulty: the authored figure until CALIBRATION_GAMES first attempts have
 * rated it, then its own rating, rounded. `rating` is the ExerciseRating row, null before
 * anyone has played it.
 */
export function exerciseDifficulty(authored: number, rating: { rating: number; games: number } | null): DifficultyDisplay {
	const games = rating?.games ?? 0
	if (rating !== null && games >= CALIBRATION_GAMES) {
		return { value: Math.round(rating.rating), source: 'calibrated', games, sourceText: `calibrated from ${games} first attempts` }
	}
	return { value: authored, source: 'authored', games, sourceText: `as authored (${games} of ${CALIBRATION_GAMES} first attempts so far)` }
}

/** "1334 (calibrated)" or "1200 (authored)": the short form for lists and badges. */
export function formatDifficulty(difficulty: Pick<DifficultyDisplay, 'value' | 'source'>): string {
	return `${difficulty.value} (${difficulty.source})`
}

/**
 * Where a topic's rating stood after the attempt finished at `at`, when it was still provisional
 * before it (the first attempt, or the previous one left RD ≥ PROVISIONAL_RD): pages then show
 * that instead of the points moved. Null when the rating had settled, or `at` is not in `history`.
 */
export function provisionalAfter(history: ReadonlyArray<{ at: string; rating: number; rd: number }>, at: string): number | null {
	const index = history.findIndex((point) => point.at === at)
	if (index === -1) return null
	return index === 0 || isProvisional(history[index - 1]!.rd) ? history[index]!.rating : null
}
