// Filtering the exercise catalogue. Pure (the loaders use it; pages take their labels from
// catalogue-labels.ts, which has no zod): the catalogue is tens of
// exercises, so the page loads them all and narrows the list here, and the query string is
// read through one zod schema in which every unknown or malformed value means "any".
import { z } from 'zod'
import { EXERCISE_KINDS } from '#app/exercises/kinds.ts'
import {
	DIFFICULTY_BANDS,
	difficultyBand,
	LEARNER_EXERCISE_STATUSES,
	SEARCH_MAX_LENGTH,
	type DifficultyBandId,
	type ExerciseKind,
	type LearnerExerciseStatus,
} from './catalogue-labels.ts'
import { TOPIC_IDS, topicLabel, type TopicId } from '#app/exercises/topics.ts'
import type { DifficultySource } from '#app/growth/rating-display.ts'

export * from './catalogue-labels.ts'
const BAND_IDS = DIFFICULTY_BANDS.map((band) => band.id) as [DifficultyBandId, ...DifficultyBandId[]]

export type CatalogueEntry = {
	slug: string
	title: string
	summary: string
	kind: ExerciseKind
	topics: TopicId[]
	/** The one difficulty every page shows: authored until calibrated (app/growth/rating-display.ts). */
	difficulty: number
	difficultySource: DifficultySource
	estimatedMinutes: number
	language: string
	status: LearnerExerciseStatus
}

// Control characters have no business in a search and would only be echoed back into the form.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g

const anyOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().catch(null)

const CatalogueQuerySchema = z.object({
	kind: anyOf(EXERCISE_KINDS),
	topic: anyOf(TOPIC_IDS),
	band: anyOf(BAND_IDS),
	status: anyOf(LEARNER_EXERCISE_STATUSES),
	q: z
		.string()
		.nullable()
		.catch(null)
		// Cut by code points, not UTF-16 units, so an emoji at the limit is not split in half.
		.transform((q) =>
			Array.from((q ?? '').replace(CONTROL_CHARACTERS, ' ').trim())
				.slice(0, SEARCH_MAX_LENGTH)
				.join('')
				.trim(),
		),
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
