// Skill ratings from graded first attempts, shared by the app and `npm run ratings:replay`.
// Every first attempt of an engineer at an exercise is a Glicko-2 game between the engineer
// (rated per topic) and the exercise (one rating each). The engineer's score is the attempt's
// outcome score (outcome-score.ts: the solve, how fast the root cause was found against the
// exercise's estimate, failed fixes and hints), the exercise's 1 − score. An attempt known only
// as solved or not (a replay line without that evidence) plays as it always did: a solve is a
// win, anything else a loss, hints lowering its weight. Each attempt is its own rating period,
// as puzzle sites do. Pure.
//
// Topics: the caller passes one RatedAttempt per topic of the exercise, all with the same
// `at`. Those rows are one attempt: the engineer is rated in each topic, and the exercise
// plays that attempt as one game split evenly across the engineer's topic ratings, so an
// exercise with three topics does not calibrate three times as fast.
import { updateRating, type Glicko2Game, type Glicko2Rating } from './glicko2.ts'
import { outcomeScore } from './outcome-score.ts'
import { CALIBRATION_GAMES, describeRatingChange, exerciseDifficulty, formatSignedPoints, isProvisional } from './rating-display.ts'

export { CALIBRATION_GAMES }

export type RatedAttempt = {
	engineer: string
	exercise: string
	topic: string
	/** The authored difficulty (800–2200); 1500 when the exercise has none. */
	exerciseRating?: number
	solved: boolean
	hintsRevealed: number
	outsidePastes: number
	/** When the attempt was graded; orders the games. */
	at: string | Date
} & AttemptEvidence

/**
 * What a graded attempt says beyond solved or not. When any of it is given the attempt is
 * scored by outcomeScore (a missing time counts as the typical one, missing failed fixes as
 * none); when none is, it is rated as solved or not.
 */
export type AttemptEvidence = {
	/** Minutes to the first correct diagnosis; null when it was never found. */
	minutesToRootCause?: number | null
	failedFixes?: number
	/** The exercise's authored estimate of a typical solve, in minutes; null when unknown. */
	estimatedMinutes?: number | null
}

/** A rating as stored: an engineer's in one topic, or an exercise's, with the games behind it. */
export type RatingState = Glicko2Rating & { games: number }

/** One engineer's rating in one topic. */
type SkillRating = RatingState

/** `rating` is the authored difficulty until the exercise is calibrated, then the rated one. */
type ExerciseRating = { rating: number; rd: number; games: number; calibrated: boolean }

/** What one game did to an engineer's rating in one topic, with what `explainRatingChange` needs. */
export type RatingChange = {
	engineer: string
	exercise: string
	topic: string
	at: Date
	before: number
	after: number
	delta: number
	rdBefore: number
	rdAfter: number
	/** The exercise's rating the engineer played against (its rated estimate before this game). */
	exerciseRating: number
	solved: boolean
	hintsRevealed: number
	outsidePastes: number
	weight: number
	/** The score the engineer played with, in [0, 1]; null for an attempt rated as solved or not (a win or a loss). */
	score: number | null
	minutesToRootCause: number | null
	failedFixes: number | null
	estimatedMinutes: number | null
}

type UnratedAttempt = { attempt: RatedAttempt; reason: 'retry' | 'duplicate'; message: string }

export type RatingsReplay = {
	engineers: Record<string, Record<string, SkillRating>>
	exercises: Record<string, ExerciseRating>
	changes: RatingChange[]
	unrated: UnratedAttempt[]
}

/**
 * The rating rule stored with every RatingChange: 1 rated an attempt as solved or not, 2 plays
 * the outcome score. Ratings stored under an older rule are recomputed (rating-recompute.server.ts).
 */
export const RATING_RULE = 2

const ENGINEER_START: Glicko2Rating = { rating: 1500, rd: 350, volatility: 0.06 }
export const EXERCISE_START_RD = 350
export const EXERCISE_START_VOLATILITY = 0.06
const DEFAULT_EXERCISE_RATING = 1500

const HINT_PENALTY = 0.25
const OUTSIDE_PASTE_PENALTY = 0.25
/** Help never erases a game: a solve with every hint still says something, and so does a miss. */
const MIN_GAME_WEIGHT = 0.25

/**
 * How much an attempt rated as solved or not counts: 1 without help, a quarter less per hint
 * revealed and a quarter less when outside pastes were recorded (however many: their count
 * says little about how much they helped), never below a quarter.
 */
export function gameWeight(help: { hintsRevealed: number; outsidePastes: number }): number {
	const penalty = HINT_PENALTY * Math.max(0, help.hintsRevealed) + (help.outsidePastes > 0 ? OUTSIDE_PASTE_PENALTY : 0)
	return Math.max(MIN_GAME_WEIGHT, 1 - penalty)
}

/** A graded outcome: what the attempt's score and weight are made from. */
export type AttemptOutcomeInput = { solved: boolean; hintsRevealed: number; outsidePastes: number } & AttemptEvidence

function hasEvidence(outcome: AttemptEvidence): boolean {
	return outcome.minutesToRootCause !== undefined || outcome.failedFixes !== undefined || outcome.estimatedMinutes !== undefined
}

/**
 * The score and weight an attempt plays with. With evidence, hints are in the score (help the
 * learner needed), so the weight only falls for outside pastes (evidence of unknown worth);
 * without, the old rule: a win or a loss, weighed by gameWeight.
 */
export function scoreAttempt(outcome: AttemptOutcomeInput): { score: number; weight: number; graded: boolean } {
	if (!hasEvidence(outcome)) return { score: outcome.solved ? 1 : 0, weight: gameWeight(outcome), graded: false }
	const score = outcomeScore({
		solved: outcome.solved,
		minutesToRootCause: outcome.minutesToRootCause ?? null,
		estimatedMinutes: outcome.estimatedMinutes ?? null,
		failedFixes: outcome.failedFixes ?? 0,
		hintsRevealed: outcome.hintsRevealed,
	})
	return { score, weight: gameWeight({ hintsRevealed: 0, outsidePastes: outcome.outsidePastes }), graded: true }
}

/** A rating nobody has played yet: the engineer's start in a topic. */
export function startingSkill(): RatingState {
	return { ...ENGINEER_START, games: 0 }
}

/** An exercise nobody has played yet starts at its authored difficulty. */
export function startingExercise(authoredDifficulty: number): RatingState {
	return { rating: authoredDifficulty, rd: EXERCISE_START_RD, volatility: EXERCISE_START_VOLATILITY, games: 0 }
}

/** What pages show as an exercise's difficulty (rating-display's exerciseDifficulty): its authored figure until it has played CALIBRATION_GAMES games. */
export function shownDifficulty(authored: number, rating: { rating: number; games: number } | null) {
	const difficulty = exerciseDifficulty(authored, rating)
	return { shown: difficulty.value, calibrated: difficulty.source === 'calibrated' }
}

/** One topic of a rated attempt and how the attempt went. */
export type TopicGame = { topic: string } & AttemptOutcomeInput

export type RatedTopic = { topic: string; weight: number; score: number; graded: boolean; before: RatingState; after: RatingState }

export type PlayedAttempt = { exercise: { before: RatingState; after: RatingState }; topics: RatedTopic[] }

/**
 * One rated first attempt, the only place a game is played (the finishing transaction and
 * replayRatings both come here): the engineer plays the exercise in each topic, and the
 * exercise plays the engineer's topic ratings as one game split evenly across them. Both sides
 * play from the ratings they had before. `games` name distinct topics.
 */
export function playAttempt(exercise: RatingState, skills: ReadonlyMap<string, RatingState>, games: readonly TopicGame[]): PlayedAttempt {
	const exerciseGames: Glicko2Game[] = []
	const topics: RatedTopic[] = []
	for (const game of games) {
		const before = skills.get(game.topic) ?? startingSkill()
		const { score, weight, graded } = scoreAttempt(game)
		const after = updateRating(before, [{ opponent: exercise, score, weight }])
		topics.push({ topic: game.topic, weight, score, graded, before, after: { ...after, games: before.games + 1 } })
		exerciseGames.push({ opponent: before, score: 1 - score, weight: weight / games.length })
	}
	const exerciseAfter = games.length ? { ...updateRating(exercise, exerciseGames), games: exercise.games + 1 } : exercise
	return { exercise: { before: exercise, after: exerciseAfter }, topics }
}

export type PlayedGame = PlayedAttempt & { weight: number; score: number }

/** A stored first attempt: one outcome for every topic of the exercise's version, scored by scoreAttempt (giving up included: it is a finished attempt). */
export function playFirstAttempt(
	exercise: RatingState,
	skills: ReadonlyMap<string, RatingState>,
	topics: readonly string[],
	outcome: AttemptOutcomeInput,
): PlayedGame {
	const games = [...new Set(topics)].map((topic) => ({ ...outcome, topic }))
	const { score, weight } = scoreAttempt(outcome)
	return { weight, score, ...playAttempt(exercise, skills, games) }
}

type Row = { attempt: RatedAttempt; index: number; at: Date }

export function replayRatings(attempts: RatedAttempt[]): RatingsReplay {
	const rows = attempts.map((attempt, index) => ({ attempt, index, at: toDate(attempt.at, index) }))
	// Array sort is stable, so attempts graded at the same moment keep their input order.
	rows.sort((a, b) => a.at.getTime() - b.at.getTime())

	const authored = new Map<string, number>()
	for (const { attempt } of rows) {
		if (attempt.exerciseRating !== undefined && !authored.has(attempt.exercise)) authored.set(attempt.exercise, attempt.exerciseRating)
	}

	// The first attempt of each engineer at each exercise, as its rows (one per topic).
	const firstAttempts = new Map<string, Row[]>()
	const unrated: UnratedAttempt[] = []
	for (const row of rows) {
		const key = JSON.stringify([row.attempt.engineer, row.attempt.exercise])
		const first = firstAttempts.get(key)
		if (!first) firstAttempts.set(key, [row])
		else if (first[0]!.at.getTime() !== row.at.getTime()) {
			unrated.push({ attempt: row.attempt, reason: 'retry', message: 'Only the first attempt at an exercise is rated.' })
		} else if (first.some((other) => other.attempt.topic === row.attempt.topic)) {
			unrated.push({ attempt: row.attempt, reason: 'duplicate', message: 'This attempt was already rated in this topic.' })
		} else first.push(row)
	}

	const engineers = new Map<string, Map<string, SkillRating>>()
	const exercises = new Map<string, RatingState>()
	const changes: RatingChange[] = []
	// Maps keep insertion order, and the first attempts went in sorted by time.
	for (const attemptRows of firstAttempts.values()) {
		const { engineer, exercise: exerciseId } = attemptRows[0]!.attempt
		const exercise = exercises.get(exerciseId) ?? startingExercise(authored.get(exerciseId) ?? DEFAULT_EXERCISE_RATING)
		const skills = engineers.get(engineer) ?? new Map<string, SkillRating>()
		const played = playAttempt(
			exercise,
			skills,
			attemptRows.map((row) => row.attempt),
		)
		for (const [index, rated] of played.topics.entries()) {
			const { attempt, at } = attemptRows[index]!
			skills.set(rated.topic, rated.after)
			changes.push({
				engineer,
				exercise: exerciseId,
				topic: rated.topic,
				at,
				before: rated.before.rating,
				after: rated.after.rating,
				delta: rated.after.rating - rated.before.rating,
				rdBefore: rated.before.rd,
				rdAfter: rated.after.rd,
				exerciseRating: exercise.rating,
				solved: attempt.solved,
				hintsRevealed: attempt.hintsRevealed,
				outsidePastes: attempt.outsidePastes,
				weight: rated.weight,
				score: rated.graded ? rated.score : null,
				minutesToRootCause: attempt.minutesToRootCause ?? null,
				failedFixes: attempt.failedFixes ?? null,
				estimatedMinutes: attempt.estimatedMinutes ?? null,
			})
		}
		engineers.set(engineer, skills)
		exercises.set(exerciseId, played.exercise.after)
	}

	return {
		engineers: Object.fromEntries([...engineers].map(([id, topics]) => [id, Object.fromEntries(topics)])),
		exercises: Object.fromEntries([...exercises].map(([id, state]) => [id, shownExerciseRating(state, authored.get(id) ?? DEFAULT_EXERCISE_RATING)])),
		changes,
		unrated,
	}
}

function shownExerciseRating(state: RatingState, authored: number): ExerciseRating {
	const calibrated = state.games >= CALIBRATION_GAMES
	return { rating: calibrated ? state.rating : authored, rd: state.rd, games: state.games, calibrated }
}

function toDate(at: string | Date, index: number): Date {
	const date = at instanceof Date ? at : new Date(at)
	if (Number.isNaN(date.getTime())) throw new RangeError(`Attempt ${index + 1} has no valid time: ${String(at)}`)
	return date
}

/**
 * One sentence a learner reads next to a rating change, e.g. "rating +23 in Async because you
 * solved a 1510-rated exercise: root cause in 12 min (typical 25 min), no failed fixes, no
 * hints". While the rating was provisional before the attempt the sentence gives where it
 * stands instead of the points it moved, since early swings measure uncertainty, not skill.
 */
export function explainRatingChange(change: RatingChange, topicLabel: string): string {
	const shown = describeRatingChange(change)
	const settledAfter = isProvisional(change.rdBefore) && !isProvisional(change.rdAfter)
	const head =
		shown.kind === 'settled'
			? `rating ${formatSignedPoints(change.delta)} in ${topicLabel}`
			: settledAfter
				? `rating in ${topicLabel} now ${Math.round(change.after)} (no longer provisional)`
				: `rating in ${topicLabel} now ≈${Math.round(shown.after)} (still provisional)`
	const rating = Math.round(change.exerciseRating)
	const exercise = `${anBefore(rating) ? 'an' : 'a'} ${rating}-rated exercise`
	return `${head} because ${change.score === null ? binaryReason(change, exercise) : gradedReason(change, exercise)}`
}

// An attempt rated as solved or not: the help it had made it count for less.
function binaryReason(change: RatingChange, exercise: string): string {
	const help = describeHelp(change)
	const what = change.solved ? `you solved ${exercise}` : `${exercise} was not solved`
	if (help) return `${what} with ${help}, so it counted ${describeWeight(change.weight)} as much as an unaided attempt`
	return change.solved ? `${what} without hints` : what
}

// An attempt with its evidence: how fast, failed fixes, hints; pastes made it count for less.
function gradedReason(change: RatingChange, exercise: string): string {
	const time = describeTime(change.minutesToRootCause, change.estimatedMinutes)
	const pastes = change.outsidePastes > 0 ? `; ${count(change.outsidePastes, 'outside paste')} made it count ${describeWeight(change.weight)} as much` : ''
	if (!change.solved) {
		const found = change.minutesToRootCause === null ? '' : ` (you found the root cause: ${time})`
		return `${exercise} was not solved${found}${pastes}`
	}
	const fixes = change.failedFixes ? count(change.failedFixes, 'failed fix', 'failed fixes') : 'no failed fixes'
	const hints = change.hintsRevealed ? count(change.hintsRevealed, 'hint') : 'no hints'
	return `you solved ${exercise}: ${change.minutesToRootCause === null ? 'time to root cause not recorded' : time}, ${fixes}, ${hints}${pastes}`
}

function describeTime(minutes: number | null, estimate: number | null): string {
	if (minutes === null) return ''
	const took = `root cause in ${Math.max(1, Math.round(minutes))} min`
	return estimate === null ? took : `${took} (typical ${estimate} min)`
}

function count(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`
}

function describeHelp(change: Pick<RatingChange, 'hintsRevealed' | 'outsidePastes'>): string {
	const parts = []
	if (change.hintsRevealed > 0) parts.push(count(change.hintsRevealed, 'hint'))
	if (change.outsidePastes > 0) parts.push(count(change.outsidePastes, 'outside paste'))
	return parts.join(' and ')
}

const WEIGHT_WORDS = new Map([
	[0.75, 'three quarters'],
	[0.5, 'half'],
	[0.25, 'a quarter'],
])

function describeWeight(weight: number): string {
	return WEIGHT_WORDS.get(weight) ?? `${Math.round(weight * 100)}%`
}

// Ratings are read aloud as "eight hundred", "eleven-forty", "eighteen-twenty": those take "an".
function anBefore(rating: number): boolean {
	return /^(8\d{2}|1[18]\d{2})$/.test(String(rating))
}
