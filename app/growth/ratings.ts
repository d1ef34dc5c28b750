// Skill ratings from graded first attempts, shared by the app and `npm run ratings:replay`.
// Every first attempt of an engineer at an exercise is a Glicko-2 game between the engineer
// (rated per topic) and the exercise (one rating each): a solve is a win for the engineer,
// anything else a loss. Each attempt is its own rating period, as puzzle sites do. Pure.
//
// Topics: the caller passes one RatedAttempt per topic of the exercise, all with the same
// `at`. Those rows are one attempt: the engineer is rated in each topic, and the exercise
// plays that attempt as one game split evenly across the engineer's topic ratings, so an
// exercise with three topics does not calibrate three times as fast.
import { updateRating, type Glicko2Game, type Glicko2Rating } from './glicko2.ts'

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
	/** The exercise's rating the engineer played against (its rated estimate before this game). */
	exerciseRating: number
	solved: boolean
	hintsRevealed: number
	outsidePastes: number
	weight: number
}

type UnratedAttempt = { attempt: RatedAttempt; reason: 'retry' | 'duplicate'; message: string }

export type RatingsReplay = {
	engineers: Record<string, Record<string, SkillRating>>
	exercises: Record<string, ExerciseRating>
	changes: RatingChange[]
	unrated: UnratedAttempt[]
}

const ENGINEER_START: Glicko2Rating = { rating: 1500, rd: 350, volatility: 0.06 }
export const EXERCISE_START_RD = 350
export const EXERCISE_START_VOLATILITY = 0.06
const DEFAULT_EXERCISE_RATING = 1500
/** Below this many rated attempts an exercise keeps showing its authored difficulty. */
export const CALIBRATION_GAMES = 10

const HINT_PENALTY = 0.25
const OUTSIDE_PASTE_PENALTY = 0.25
/** Help never erases a game: a solve with every hint still says something, and so does a miss. */
const MIN_GAME_WEIGHT = 0.25

/**
 * How much an attempt counts as a game: 1 without help, a quarter less per hint revealed and
 * a quarter less when outside pastes were recorded (however many: their count says little
 * about how much they helped), never below a quarter.
 */
export function gameWeight(help: { hintsRevealed: number; outsidePastes: number }): number {
	const penalty = HINT_PENALTY * Math.max(0, help.hintsRevealed) + (help.outsidePastes > 0 ? OUTSIDE_PASTE_PENALTY : 0)
	return Math.max(MIN_GAME_WEIGHT, 1 - penalty)
}

/** A rating nobody has played yet: the engineer's start in a topic. */
export function startingSkill(): RatingState {
	return { ...ENGINEER_START, games: 0 }
}

/** An exercise nobody has played yet starts at its authored difficulty. */
export function startingExercise(authoredDifficulty: number): RatingState {
	return { rating: authoredDifficulty, rd: EXERCISE_START_RD, volatility: EXERCISE_START_VOLATILITY, games: 0 }
}

/** What pages show as an exercise's difficulty: its authored figure until it has played CALIBRATION_GAMES games. */
export function shownDifficulty(authored: number, rating: { rating: number; games: number } | null) {
	const calibrated = rating !== null && rating.games >= CALIBRATION_GAMES
	return { shown: calibrated ? Math.round(rating.rating) : authored, calibrated }
}

/** One topic of a rated attempt and how the attempt went. */
export type TopicGame = { topic: string; solved: boolean; hintsRevealed: number; outsidePastes: number }

export type RatedTopic = { topic: string; weight: number; before: RatingState; after: RatingState }

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
		const weight = gameWeight(game)
		const score = game.solved ? 1 : 0
		const after = updateRating(before, [{ opponent: exercise, score, weight }])
		topics.push({ topic: game.topic, weight, before, after: { ...after, games: before.games + 1 } })
		exerciseGames.push({ opponent: before, score: 1 - score, weight: weight / games.length })
	}
	const exerciseAfter = games.length ? { ...updateRating(exercise, exerciseGames), games: exercise.games + 1 } : exercise
	return { exercise: { before: exercise, after: exerciseAfter }, topics }
}

export type PlayedGame = PlayedAttempt & { weight: number }

/** A stored first attempt: one outcome for every topic of the exercise's version. A solve is a win; anything else, giving up included, a loss. */
export function playFirstAttempt(
	exercise: RatingState,
	skills: ReadonlyMap<string, RatingState>,
	topics: readonly string[],
	outcome: { solved: boolean; hintsRevealed: number; outsidePastes: number },
): PlayedGame {
	const { solved, hintsRevealed, outsidePastes } = outcome
	const games = [...new Set(topics)].map((topic) => ({ topic, solved, hintsRevealed, outsidePastes }))
	return { weight: gameWeight(outcome), ...playAttempt(exercise, skills, games) }
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
				exerciseRating: exercise.rating,
				solved: attempt.solved,
				hintsRevealed: attempt.hintsRevealed,
				outsidePastes: attempt.outsidePastes,
				weight: rated.weight,
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
 * solved a 1510-rated exercise without hints".
 */
export function explainRatingChange(change: RatingChange, topicLabel: string): string {
	const points = Math.round(change.delta)
	const signed = points > 0 ? `+${points}` : points < 0 ? `−${-points}` : '±0'
	const rating = Math.round(change.exerciseRating)
	const exercise = `${anBefore(rating) ? 'an' : 'a'} ${rating}-rated exercise`
	const help = describeHelp(change)
	const what = change.solved ? `you solved ${exercise}` : `${exercise} was not solved`
	const how = help ? ` with ${help}, so the game counted for ${describeWeight(change.weight)}` : change.solved ? ' without hints' : ''
	return `rating ${signed} in ${topicLabel} because ${what}${how}`
}

function describeHelp(change: Pick<RatingChange, 'hintsRevealed' | 'outsidePastes'>): string {
	const parts = []
	if (change.hintsRevealed > 0) parts.push(`${change.hintsRevealed} ${change.hintsRevealed === 1 ? 'hint' : 'hints'}`)
	if (change.outsidePastes > 0) parts.push(`${change.outsidePastes} ${change.outsidePastes === 1 ? 'outside paste' : 'outside pastes'}`)
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
