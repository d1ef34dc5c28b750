// Filtering the exercise catalogue. Pure and client-safe: the catalogue is tens of
// exercises, so the page loads them all and narrows the list here, and the query string is
// read through one zod schema in which every unknown or malformed value means "any".
import { z } from 'zod'
import { EXERCISE_KINDS } from '#app/exercises/schema.ts'
import { TOPIC_IDS, topicLabel, type TopicId } from '#app/exercises/topics.ts'

export const DIFFICULTY_BANDS = [
	{ id: 'foundation', label: 'Foundation', min: 800, max: 1049 },
	{ id: 'intermediate', label: 'Intermediate', min: 1050, max: 1349 },
	{ id: 'advanced', label: 'Advanced', min: 1350, max: 1649 },
	{ id: 'expert', label: 'Expert', min: 1650, max: 1949 },
	{ id: 'principal', label: 'Principal', min: 1950, max: 2200 },
] as const

export type DifficultyBand = (typeof DIFFICULTY_BANDS)[number]
export type DifficultyBandId = DifficultyBand['id']
const BAND_IDS = DIFFICULTY_BANDS.map((band) => band.id) as [DifficultyBandId, ...DifficultyBandId[]]

/** The band a difficulty falls in; ratings outside 800–2200 count as the nearest band. */
export function difficultyBand(difficulty: number): DifficultyBand {
	return DIFFICULTY_BANDS.find((band) => difficulty <= band.max) ?? DIFFICULTY_BANDS[DIFFICULTY_BANDS.length - 1]!
}

export type ExerciseKind = (typeof EXERCISE_KINDS)[number]

export const KIND_LABELS: Record<ExerciseKind, string> = { debugging: 'Debugging', architecture: 'Architecture' }

// Where the learner stands with one exercise: solved once any attempt solved it; otherwise an
// open attempt outranks an earlier give-up (that is where they are now), and a give-up alone
// is "given up" — shown, but never counted as solved by the filter.
export const LEARNER_EXERCISE_STATUSES = ['new', 'in_progress', 'solved', 'given_up'] as const
export type LearnerExerciseStatus = (typeof LEARNER_EXERCISE_STATUSES)[number]

export const LEARNER_STATUS_LABELS: Record<LearnerExerciseStatus, string> = {
	new: 'New',
	in_progress: 'In progress',
	solved: 'Solved',
	given_up: 'Given up',
}

export type AttemptOutcome = 'in_progress' | 'solved' | 'gave_up'

/** Combines the statuses of every attempt one learner made on one exercise. */
export function learnerExerciseStatus(attemptStatuses: Iterable<AttemptOutcome>): LearnerExerciseStatus {
	const seen = new Set(attemptStatuses)
	if (seen.has('solved')) return 'solved'
	if (seen.has('in_progress')) return 'in_progress'
	if (seen.has('gave_up')) return 'given_up'
	return 'new'
}

export type CatalogueEntry = {
	slug: string
	title: string
	summary: string
	kind: ExerciseKind
	topics: TopicId[]
	difficulty: number
	estimatedMinutes: number
	language: string
	status: LearnerExerciseStatus
}

export const SEARCH_MAX_LENGTH = 100

// Control characters have no business in a search and would only be echoed back into the form.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g

const anyOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().catch(null)

export const CatalogueQuerySchema = z.object({
	kind: anyOf(EXERCISE_KINDS),
	topic: anyOf(TOPIC_IDS),
	band: anyOf(BAND_IDS),
	status: anyOf(LEARNER_EXERCISE_STATUSES),
	q: z
		.string()
		.nullable()
		.catch(null)
		// Cut by code points, not UTF-16 units, so an emoji at the limit is not split in half.
		.transform((q) => Array.from((q ?? '').replace(CONTROL_CHARACTERS, ' ').trim()).slice(0, SEARCH_MAX_LENGTH).join('').trim()),
})

export type CatalogueQuery = z.infer<typeof CatalogueQuerySchema>

export const EMPTY_CATALOGUE_QUERY: CatalogueQuery = { kind: null, topic: null, band: null, status: null, q: '' }

/** Reads the filters from a query string; never throws. A repeated key counts once (its first value). */
export function parseCatalogueQuery(params: URLSearchParams): CatalogueQuery {
	const result = CatalogueQuerySchema.safeParse({
		kind: params.get('kind'),
		topic: params.get('topic'),
		band: params.get('band'),
		status: params.get('status'),
		q: params.get('q'),
	})
	return result.success ? result.data : EMPTY_CATALOGUE_QUERY
}

export function isFiltered(query: CatalogueQuery) {
	return Boolean(query.kind || query.topic || query.band || query.status || query.q)
}

/**
 * The entries that match every filter, in their original order. The search is
 * case-insensitive and literal (no wildcards); each word must appear in the title, the
 * summary or a topic.
 */
export function filterCatalogue<T extends CatalogueEntry>(entries: readonly T[], query: CatalogueQuery): T[] {
	const words = query.q.toLowerCase().split(/\s+/).filter(Boolean)
	return entries.filter((entry) => {
		if (query.kind && entry.kind !== query.kind) return false
		if (query.topic && !entry.topics.includes(query.topic)) return false
		if (query.band && difficultyBand(entry.difficulty).id !== query.band) return false
		if (query.status && entry.status !== query.status) return false
		if (words.length === 0) return true
		const haystack = [entry.title, entry.summary, ...entry.topics.map(topicLabel)].join('\n').toLowerCase()
		return words.every((word) => haystack.includes(word))
	})
}
