// Which exercise to practise next. Pure: the caller passes the catalogue, the learner's
// attempts and the current time. The level estimate is deliberately simple and sits behind
// estimateLevel() alone, so skill ratings (Glicko-2) can replace it without touching the rest.
import { DIFFICULTY_RANGE } from '#app/exercises/schema.ts'
import { TOPIC_IDS, topicLabel, type TopicId } from '#app/exercises/topics.ts'
import type { AttemptOutcome } from './catalogue-filter.ts'

export type SuggestionCandidate = {
	id: string
	slug: string
	title: string
	difficulty: number
	topics: readonly TopicId[]
	/** The root-cause category ("bug family"). Server-side only: naming it would give the answer away. */
	category: string | null
	kind: string
}

export type PracticeHistoryEntry = {
	exerciseId: string
	difficulty: number
	topics: readonly TopicId[]
	category: string | null
	status: AttemptOutcome
	startedAt: Date
	finishedAt: Date | null
	hintsRevealed: number
}

export type Suggestion<E extends SuggestionCandidate = SuggestionCandidate> = {
	exercise: E
	reason: string
	targetRating: number
}

export const STARTING_LEVEL = 1000
/** How far above a solved exercise's difficulty a solve pulls the estimate. */
const SOLVE_TARGET_MARGIN = 150
/** Share of the gap to (difficulty + margin) that one solve closes: unaided, and with hints. */
const SOLVE_STEP = 0.5
const SOLVE_WITH_HINTS_STEP = 0.25
const GIVE_UP_DROP = 100
/** Suggestions aim a little above the estimate, so practice stretches. */
const STRETCH = 50
/** Difficulties this far from the target still "match your level". */
const LEVEL_WINDOW = 250

const DAY_MS = 24 * 60 * 60 * 1000
const FRESH_CATEGORY_DAYS = 14
const RECENT_CATEGORY_DAYS = 3

const WEAK_TOPIC_BONUS = 40
const FRESH_CATEGORY_BONUS = 20
const RECENT_CATEGORY_PENALTY = 30

/**
 * The learner's level on the exercise difficulty scale. Starts at 1000 and walks finished
 * attempts oldest first: an unaided solve of difficulty d closes half the gap to d + 150, a
 * solve with hints a quarter of it (a solve below the estimate changes nothing), a give-up
 * costs 100. Clamped to 800–2200 and rounded.
 */
export function estimateLevel(history: readonly PracticeHistoryEntry[]): number {
	const finished = history.filter((attempt) => attempt.status !== 'in_progress').toSorted((a, b) => finishedTime(a) - finishedTime(b))
	let estimate: number = STARTING_LEVEL
	for (const attempt of finished) {
		if (attempt.status === 'solved') {
			const target = attempt.difficulty + SOLVE_TARGET_MARGIN
			if (target > estimate) estimate += (target - estimate) * (attempt.hintsRevealed > 0 ? SOLVE_WITH_HINTS_STEP : SOLVE_STEP)
		} else {
			estimate -= GIVE_UP_DROP
		}
		estimate = clamp(estimate)
	}
	return Math.round(estimate)
}

/**
 * One exercise to do next, or null when every exercise is solved or already in progress.
 * Candidates are exercises not solved and not in progress; each is scored by
 * - closeness of its difficulty to the target (estimate + 50): 100 at the target, 0 at ±250,
 *   negative beyond;
 * - up to +40 for practising the learner's weakest topic (lowest solve rate among finished
 *   attempts; a topic never finished counts as 0 %, the weakest);
 * - +20 for a root-cause category not met in the last 14 days (or never), −30 for one met
 *   in the last 3 days.
 * Ties go to the lower difficulty, then the slug, so the answer is deterministic.
 */
export function suggestNextExercise<E extends SuggestionCandidate>(
	catalogue: readonly E[],
	history: readonly PracticeHistoryEntry[],
	now: Date,
): Suggestion<E> | null {
	const level = estimateLevel(history)
	const targetRating = clamp(level + STRETCH)
	const solvedOrOpen = new Set(history.filter((attempt) => attempt.status !== 'gave_up').map((attempt) => attempt.exerciseId))
	const candidates = catalogue.filter((exercise) => !solvedOrOpen.has(exercise.id))
	if (candidates.length === 0) return null

	const topics = topicRecord(history)
	const lastSeen = categoryLastSeen(history)
	const scored = candidates.map((exercise) => {
		const closeness = 100 - (Math.abs(exercise.difficulty - targetRating) * 100) / LEVEL_WINDOW
		const weakest = weakestTopic(exercise.topics, topics)
		const topicBonus = weakest ? WEAK_TOPIC_BONUS * (1 - weakest.rate) : 0
		return { exercise, weakest, score: closeness + topicBonus + categoryScore(exercise.category, lastSeen, now) }
	})
	scored.sort((a, b) => b.score - a.score || a.exercise.difficulty - b.exercise.difficulty || compareText(a.exercise.slug, b.exercise.slug))
	const best = scored[0]!
	return { exercise: best.exercise, targetRating, reason: suggestionReason(best.exercise, best.weakest, level, topics) }
}

type TopicRecord = Map<TopicId, { finished: number; solved: number }>

function topicRecord(history: readonly PracticeHistoryEntry[]): TopicRecord {
	const record: TopicRecord = new Map()
	for (const attempt of history) {
		if (attempt.status === 'in_progress') continue
		for (const topic of attempt.topics) {
			const entry = record.get(topic) ?? { finished: 0, solved: 0 }
			entry.finished += 1
			if (attempt.status === 'solved') entry.solved += 1
			record.set(topic, entry)
		}
	}
	return record
}

type WeakTopic = { topic: TopicId; rate: number; finished: number; solved: number }

/** The exercise's topic the learner solves least often; ties go to the topic list's order. */
function weakestTopic(exerciseTopics: readonly TopicId[], record: TopicRecord): WeakTopic | null {
	let weakest: WeakTopic | null = null
	for (const topic of exerciseTopics.toSorted((a, b) => TOPIC_IDS.indexOf(a) - TOPIC_IDS.indexOf(b))) {
		const entry = record.get(topic)
		const rate = entry && entry.finished > 0 ? entry.solved / entry.finished : 0
		if (!weakest || rate < weakest.rate) weakest = { topic, rate, finished: entry?.finished ?? 0, solved: entry?.solved ?? 0 }
	}
	return weakest
}

function categoryLastSeen(history: readonly PracticeHistoryEntry[]) {
	const lastSeen = new Map<string, number>()
	for (const attempt of history) {
		if (!attempt.category) continue
		const at = Math.max(attempt.startedAt.getTime(), attempt.finishedAt?.getTime() ?? 0)
		lastSeen.set(attempt.category, Math.max(lastSeen.get(attempt.category) ?? 0, at))
	}
	return lastSeen
}

function categoryScore(category: string | null, lastSeen: Map<string, number>, now: Date) {
	if (!category) return 0
	const seen = lastSeen.get(category)
	if (seen === undefined) return FRESH_CATEGORY_BONUS
	const daysAgo = (now.getTime() - seen) / DAY_MS
	if (daysAgo < RECENT_CATEGORY_DAYS) return -RECENT_CATEGORY_PENALTY
	if (daysAgo >= FRESH_CATEGORY_DAYS) return FRESH_CATEGORY_BONUS
	return 0
}

// Names the level and the topic, never the root-cause category (that would be the answer).
function suggestionReason(exercise: SuggestionCandidate, weakest: WeakTopic | null, level: number, record: TopicRecord) {
	const shownLevel = Math.round(level / 50) * 50
	const levelPart =
		Math.abs(exercise.difficulty - level) <= LEVEL_WINDOW
			? `Matches your level (≈${shownLevel})`
			: `The closest to your level (≈${shownLevel}) that you have not solved yet`
	if (!weakest) return levelPart
	const label = topicLabel(weakest.topic)
	if (weakest.finished === 0) return `${levelPart} and practises ${label}, which you have not practised yet`
	const lowestRate = Math.min(...[...record.values()].map((entry) => entry.solved / entry.finished))
	return weakest.rate <= lowestRate
		? `${levelPart} and practises ${label}, which you have solved least`
		: `${levelPart} and practises ${label}, where you have solved ${weakest.solved} of ${weakest.finished} attempts`
}

function finishedTime(attempt: PracticeHistoryEntry) {
	return (attempt.finishedAt ?? attempt.startedAt).getTime()
}

function clamp(rating: number) {
	return Math.min(DIFFICULTY_RANGE.max, Math.max(DIFFICULTY_RANGE.min, rating))
}

function compareText(a: string, b: string) {
	return a < b ? -1 : a > b ? 1 : 0
}
