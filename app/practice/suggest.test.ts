import { describe, expect, it } from 'vitest'
import type { TopicId } from '#app/exercises/topics.ts'
import { STARTING_LEVEL, suggestNextExercise, type PracticeHistoryEntry, type SuggestionCandidate, type TopicSkill } from './suggest.ts'

const now = new Date('2026-12-01T12:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000)

const exercise = (slug: string, difficulty: number, topics: TopicId[], category: string): SuggestionCandidate => ({
	id: `id-${slug}`,
	slug,
	title: slug,
	difficulty,
	topics,
	category,
	kind: 'debugging',
})

const attempt = (
	of: SuggestionCandidate,
	status: PracticeHistoryEntry['status'],
	fields: Partial<PracticeHistoryEntry> & { days?: number } = {},
): PracticeHistoryEntry => {
	const finishedAt = status === 'in_progress' ? null : daysAgo(fields.days ?? 30)
	const { days: _, ...rest } = fields
	return {
		exerciseId: of.id,
		category: of.category,
		status,
		startedAt: new Date((finishedAt ?? daysAgo(fields.days ?? 30)).getTime() - 60 * 60 * 1000),
		finishedAt,
		...rest,
	}
}

// A spread of the real catalogue's shape: difficulties 900–1800, varied topics and categories.
const catalogue = [
	exercise('tenant-settings-bleed', 900, ['state', 'data-integrity'], 'shared-mutable-state'),
	exercise('orders-page-skips-an-order', 900, ['data-integrity', 'api-design'], 'boundary'),
	exercise('duplicate-usernames', 1200, ['text', 'validation'], 'text-encoding'),
	exercise('invoice-total-off-by-a-cent', 1200, ['numbers', 'data-integrity'], 'number-precision'),
	exercise('inventory-oversold', 1500, ['concurrency', 'async'], 'async-race'),
	exercise('slow-order-history', 1500, ['performance', 'async'], 'algorithmic-complexity'),
	exercise('reminders-fire-an-hour-late', 1800, ['time', 'reliability'], 'time-zones'),
	exercise('retry-storm', 1800, ['reliability', 'api-design'], 'configuration'),
]
const bySlug = (slug: string) => catalogue.find((e) => e.slug === slug)!

/** Topic ratings as the learner's SkillRating rows give them. */
const rated = (ratings: Partial<Record<TopicId, number>>): ReadonlyMap<string, TopicSkill> =>
	new Map(Object.entries(ratings).map(([topic, rating]) => [topic, { rating: rating!, rd: 80 }]))
const none = rated({})

describe('suggestNextExercise', () => {
	it('gives a learner with no ratings something near the easy end', () => {
		const suggestion = suggestNextExercise(catalogue, [], none, now)!
		expect(suggestion.targetRating).toBe(STARTING_LEVEL + 50)
		// 900 and 1200 are equally far from the target 1050: the lower difficulty wins, then the slug.
		expect(suggestion.exercise.slug).toBe('orders-page-skips-an-order')
		expect(suggestion.reason).toBe('A first exercise at an easy level (≈1000), in Data integrity: you have no ratings yet')
	})

	it('aims at the rating of the topic it practises, a little above it', () => {
		const strong = rated({
			async: 1460,
			concurrency: 1470,
			performance: 1480,
			time: 1900,
			reliability: 1900,
			'data-integrity': 1900,
			state: 1900,
			'api-design': 1900,
			text: 1900,
			validation: 1900,
			numbers: 1900,
		})
		const suggestion = suggestNextExercise(catalogue, [], strong, now)!
		expect(suggestion.exercise.slug).toBe('inventory-oversold')
		expect(suggestion.targetRating).toBe(1510)
		expect(suggestion.reason).toBe('Matches your level in Async (≈1460), your lowest-rated topic')
	})

	it('follows the topic rating, not a level of its own: a higher rating in the topic, a harder exercise', () => {
		const topics = ['reliability'] as TopicId[]
		const options = [
			exercise('a-easy', 1000, topics, 'configuration'),
			exercise('b-mid', 1400, topics, 'timeouts'),
			exercise('c-hard', 1800, topics, 'retries'),
		]
		expect(suggestNextExercise(options, [], rated({ reliability: 1000 }), now)!.exercise.slug).toBe('a-easy')
		expect(suggestNextExercise(options, [], rated({ reliability: 1380 }), now)!.exercise.slug).toBe('b-mid')
		expect(suggestNextExercise(options, [], rated({ reliability: 1760 }), now)!.exercise.slug).toBe('c-hard')
	})

	it('prefers the learner’s weaker topic over a stronger one at the same distance from each level', () => {
		const numbers = exercise('a-numbers', 1250, ['numbers'], 'number-precision')
		const text = exercise('b-text', 1050, ['text'], 'text-encoding')
		const skills = rated({ numbers: 1200, text: 1000 })
		const suggestion = suggestNextExercise([numbers, text], [], skills, now)!
		expect(suggestion.exercise.slug).toBe('b-text')
		expect(suggestion.reason).toBe('Matches your level in Text (≈1000), your lowest-rated topic')
		// And the other way round, so slug order is not what decides.
		const flipped = suggestNextExercise(
			[exercise('a-numbers', 1050, ['numbers'], 'number-precision'), exercise('b-text', 1250, ['text'], 'text-encoding')],
			[],
			rated({ numbers: 1000, text: 1200 }),
			now,
		)!
		expect(flipped.exercise.slug).toBe('a-numbers')
	})

	it('counts a topic never practised as the weakest, at the learner’s level elsewhere', () => {
		const time = exercise('b-time', 1270, ['time'], 'time-zones')
		const state = exercise('a-state', 1250, ['state'], 'shared-mutable-state')
		const suggestion = suggestNextExercise([state, time], [], rated({ state: 1200, async: 1240 }), now)!
		expect(suggestion.exercise.slug).toBe('b-time')
		expect(suggestion.reason).toBe('Practises Time, which you have not practised yet, at your level elsewhere (≈1220)')
	})

	it('reads an exercise with several topics through the learner’s weakest of them', () => {
		const mixed = exercise('mixed', 1450, ['async', 'time'], 'time-zones')
		const suggestion = suggestNextExercise([mixed], [], rated({ async: 1800, time: 1400 }), now)!
		expect(suggestion.targetRating).toBe(1450)
		expect(suggestion.reason).toBe('Matches your level in Time (≈1400), your lowest-rated topic')
	})

	it('avoids a bug family met in the last three days', () => {
		const a = exercise('a-race', 1050, ['async'], 'async-race')
		const b = exercise('b-leak', 1050, ['async'], 'resource-leak')
		const racePast = exercise('past-race', 1050, ['text'], 'async-race')
		const leakPast = exercise('past-leak', 1050, ['text'], 'resource-leak')
		// Both categories met, one yesterday and one a week ago; the topics do not differ.
		const history = [attempt(racePast, 'solved', { days: 1 }), attempt(leakPast, 'solved', { days: 7 })]
		expect(suggestNextExercise([a, b], history, none, now)!.exercise.slug).toBe('b-leak')
		// Without the recent one, slug order decides the tie, so the test above is not a coincidence.
		expect(suggestNextExercise([a, b], [], none, now)!.exercise.slug).toBe('a-race')
	})

	it('prefers a bug family not met for two weeks, or never', () => {
		const a = exercise('a-race', 1050, ['async'], 'async-race')
		const b = exercise('b-leak', 1050, ['async'], 'resource-leak')
		const racePast = exercise('past-race', 1050, ['text'], 'async-race')
		const leakPast = exercise('past-leak', 1050, ['text'], 'resource-leak')
		expect(suggestNextExercise([a, b], [attempt(racePast, 'solved', { days: 8 })], none, now)!.exercise.slug).toBe('b-leak')
		const history = [attempt(racePast, 'solved', { days: 8 }), attempt(leakPast, 'solved', { days: 15 })]
		expect(suggestNextExercise([a, b], history, none, now)!.exercise.slug).toBe('b-leak')
	})

	it('never suggests what is solved or in progress, but may suggest a give-up again', () => {
		const three = catalogue.slice(0, 3)
		const history = [attempt(three[0]!, 'solved'), attempt(three[1]!, 'in_progress'), attempt(three[2]!, 'gave_up', { days: 40 })]
		expect(suggestNextExercise(three, history, none, now)!.exercise.slug).toBe(three[2]!.slug)
	})

	it('returns null when everything is solved or in progress', () => {
		const history = catalogue.map((e, i) => attempt(e, i === 0 ? 'in_progress' : 'solved', { days: 20 - i }))
		expect(suggestNextExercise(catalogue, history, none, now)).toBeNull()
		expect(suggestNextExercise([], [], none, now)).toBeNull()
	})

	it('is deterministic: same input, same answer, whatever the catalogue order', () => {
		const history = [attempt(bySlug('duplicate-usernames'), 'solved', { days: 8 })]
		const skills = rated({ text: 1320, validation: 1290 })
		const first = suggestNextExercise(catalogue, history, skills, now)
		expect(suggestNextExercise(catalogue.toReversed(), history, skills, now)).toEqual(first)
	})

	it('says so when nothing left is near the level', () => {
		const hard = [exercise('very-hard', 2200, ['time'], 'time-zones')]
		expect(suggestNextExercise(hard, [], rated({ time: 1180 }), now)!.reason).toBe(
			'The closest to your level in Time (≈1180), your lowest-rated topic that you have not solved yet',
		)
	})
})
