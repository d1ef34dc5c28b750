// Which exercise to practise next. Pure: the caller passes the catalogue (each exercise at the
// difficulty pages show), the learner's attempts, their skill ratings per topic (Glicko-2, on
// the same scale as difficulties) and the current time.
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
	category: string | null
	status: AttemptOutcome
	startedAt: Date
	finishedAt: Date | null
}

/** One of the learner's topic ratings (a SkillRating row). */
export type TopicSkill = { rating: number; rd: number }

export type Suggestion<E extends SuggestionCandidate = SuggestionCandidate> = {
	exercise: E
	reason: string
	targetRating: number
}

/** Where a learner with no rating at all starts: the easy end of the catalogue, not Glicko's 1500 prior. */
export const STARTING_LEVEL = 1000
/** Suggestions aim a little above the level, so practice stretches. */
const STRETCH = 50
/** Difficulties this far from the target still "match your level". */
const LEVEL_WINDOW = 250

const DAY_MS = 24 * 60 * 60 * 1000
const FRESH_CATEGORY_DAYS = 14
const RECENT_CATEGORY_DAYS = 3

const WEAK_TOPIC_BONUS = 40
/** A rated topic earns at most this share of the bonus, so a topic never practised still comes first: breadth before depth. */
const RATED_WEAKNESS_SHARE = 0.75
const FRESH_CATEGORY_BONUS = 20
const RECENT_CATEGORY_PENALTY = 30

/** The learner's level in a topic: its rating; unpractised, the mean of their other ratings; with none at all, STARTING_LEVEL. */
type TopicLevel = { topic: TopicId; level: number; rated: boolean; weakness: number }

function topicLevels(skills: ReadonlyMap<string, TopicSkill>) {
	const ratings = [...skills.values()].map((skill) => skill.rating)
	const elsewhere = ratings.length ? ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length : null
	const lowest = Math.min(...ratings)
	const highest = Math.max(...ratings)
	return {
		elsewhere,
		lowest: ratings.length ? lowest : null,
		/** Weakness in [0, 1]: 1 for a topic never practised, 0.75 for the lowest-rated one, 0 for the highest-rated. */
		of(topic: TopicId): TopicLevel {
			const skill = skills.get(topic)
			if (!skill) return { topic, level: elsewhere ?? STARTING_LEVEL, rated: false, weakness: 1 }
			const weakness = highest > lowest ? RATED_WEAKNESS_SHARE * ((highest - skill.rating) / (highest - lowest)) : 0
			return { topic, level: skill.rating, rated: true, weakness }
		},
	}
}

/**
 * One exercise to do next, or null when every exercise is solved or already in progress.
 * Candidates are exercises not solved and not in progress. Each is read through its weakest
 * topic for this learner (never practised first, then the lowest rating; ties in topic list
 * order) and scored by
 * - closeness of its difficulty to the target, that topic's level + 50: 100 at the target,
 *   0 at ±250, negative beyond;
 * - up to +40 for the topic's weakness (never practised: 40; lowest-rated: 30; highest-rated: 0);
 * - +20 for a root-cause category not met in the last 14 days (or never), −30 for one met
 *   in the last 3 days.
 * Ties go to the lower difficulty, then the slug, so the answer is deterministic.
 */
export function suggestNextExercise<E extends SuggestionCandidate>(
	catalogue: readonly E[],
	history: readonly PracticeHistoryEntry[],
	skills: ReadonlyMap<string, TopicSkill>,
	now: Date,
): Suggestion<E> | null {
	return rankSuggestions(catalogue, history, skills, now)[0] ?? null
}

/** Every candidate, best first, scored as suggestNextExercise describes: what Next up picks its new exercises from. */
export function rankSuggestions<E extends SuggestionCandidate>(
	catalogue: readonly E[],
	history: readonly PracticeHistoryEntry[],
	skills: ReadonlyMap<string, TopicSkill>,
	now: Date,
): Array<Suggestion<E>> {
	const solvedOrOpen = new Set(history.filter((attempt) => attempt.status !== 'gave_up').map((attempt) => attempt.exerciseId))
	const candidates = catalogue.filter((exercise) => !solvedOrOpen.has(exercise.id))
	const levels = topicLevels(skills)
	const lastSeen = categoryLastSeen(history)
	const scored = candidates.map((exercise) => {
		const weakest = weakestTopic(exercise.topics, levels.of)
		const level = weakest?.level ?? levels.elsewhere ?? STARTING_LEVEL
		const target = clamp(level + STRETCH)
		const closeness = 100 - (Math.abs(exercise.difficulty - target) * 100) / LEVEL_WINDOW
		const topicBonus = weakest ? WEAK_TOPIC_BONUS * weakest.weakness : 0
		return { exercise, weakest, level, target, score: closeness + topicBonus + categoryScore(exercise.category, lastSeen, now) }
	})
	scored.sort((a, b) => b.score - a.score || a.exercise.difficulty - b.exercise.difficulty || compareText(a.exercise.slug, b.exercise.slug))
	return scored.map((best) => ({
		exercise: best.exercise,
		targetRating: Math.round(best.target),
		reason: suggestionReason(best.exercise, best.weakest, best.level, levels),
	}))
}

/** The exercise's topic the learner is weakest in; ties go to the topic list's order. */
function weakestTopic(exerciseTopics: readonly TopicId[], levelOf: (topic: TopicId) => TopicLevel): TopicLevel | null {
	let weakest: TopicLevel | null = null
	for (const topic of exerciseTopics.toSorted((a, b) => TOPIC_IDS.indexOf(a) - TOPIC_IDS.indexOf(b))) {
		const candidate = levelOf(topic)
		if (!weakest || (candidate.rated ? 1 : 0) < (weakest.rated ? 1 : 0) || (candidate.rated === weakest.rated && candidate.level < weakest.level))
			weakest = candidate
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

// Names the topic and the level, never the root-cause category (that would be the answer).
function suggestionReason(exercise: SuggestionCandidate, weakest: TopicLevel | null, level: number, levels: ReturnType<typeof topicLevels>) {
	const shown = `≈${Math.round(level / 10) * 10}`
	const near = Math.abs(exercise.difficulty - level) <= LEVEL_WINDOW
	if (!weakest) return near ? `Matches your level (${shown})` : `The closest to your level (${shown}) that you have not solved yet`
	const label = topicLabel(weakest.topic)
	if (weakest.rated) {
		const lowest = levels.lowest !== null && weakest.level <= levels.lowest ? ', your lowest-rated topic' : ''
		return near
			? `Matches your level in ${label} (${shown})${lowest}`
			: `The closest to your level in ${label} (${shown})${lowest} that you have not solved yet`
	}
	if (levels.elsewhere === null) return `A first exercise at an easy level (${shown}), in ${label}: you have no ratings yet`
	return `Practises ${label}, which you have not practised yet, ${near ? 'at' : 'as close as there is to'} your level elsewhere (${shown})`
}

function clamp(rating: number) {
	return Math.min(DIFFICULTY_RANGE.max, Math.max(DIFFICULTY_RANGE.min, rating))
}

function compareText(a: string, b: string) {
	return a < b ? -1 : a > b ? 1 : 0
}
