import { describe, expect, it } from 'vitest'
import type { TopicId } from '#app/exercises/topics.ts'
import { estimateLevel, STARTING_LEVEL, suggestNextExercise, type PracticeHistoryEntry, type SuggestionCandidate } from './suggest.ts'

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
	return {
		exerciseId: of.id,
		difficulty: of.difficulty,
		topics: of.topics,
		category: of.category,
		status,
		startedAt: new Date((finishedAt ?? daysAgo(fields.days ?? 30)).getTime() - 60 * 60 * 1000),
		finishedAt,
		hintsRevealed: 0,
		...fields,
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

describe('estimateLevel', () => {
	it('starts at 1000 and ignores attempts still in progress', () => {
		expect(estimateLevel([])).toBe(STARTING_LEVEL)
		expect(estimateLevel([attempt(bySlug('retry-storm'), 'in_progress')])).toBe(1000)
	})

	it('rises toward difficulty + 150 on a solve, less with hints', () => {
		const unaided = estimateLevel([attempt(bySlug('inventory-oversold'), 'solved')])
		const withHints = estimateLevel([attempt(bySlug('inventory-oversold'), 'solved', { hintsRevealed: 2 })])
		expect(unaided).toBe(1325) // halfway from 1000 to 1650
		expect(withHints).toBe(1163) // a quarter of the way
		expect(withHints).toBeGreaterThan(1000)
	})

	it('does not drop for solving something easy, drops 100 per give-up, never below 800', () => {
		expect(estimateLevel([attempt(bySlug('tenant-settings-bleed'), 'solved')])).toBe(1025)
		const solvedThenEasy = [attempt(bySlug('retry-storm'), 'solved', { days: 10 }), attempt(bySlug('tenant-settings-bleed'), 'solved', { days: 5 })]
		expect(estimateLevel(solvedThenEasy)).toBe(estimateLevel(solvedThenEasy.slice(0, 1)))
		expect(estimateLevel([attempt(bySlug('retry-storm'), 'gave_up')])).toBe(900)
		const manyGiveUps = catalogue.map((e, i) => attempt(e, 'gave_up', { days: 20 - i }))
		expect(estimateLevel(manyGiveUps)).toBe(800)
	})

	it('walks attempts in the order they finished, whatever order they come in', () => {
		const history = [attempt(bySlug('retry-storm'), 'solved', { days: 1 }), attempt(bySlug('inventory-oversold'), 'gave_up', { days: 9 })]
		// gave up first (1000 → 900), then solved 1800 (900 → 1425)
		expect(estimateLevel(history)).toBe(1425)
		expect(estimateLevel(history.toReversed())).toBe(1425)
	})
})

describe('suggestNextExercise', () => {
	it('gives a new user something near 1000', () => {
		const suggestion = suggestNextExercise(catalogue, [], now)!
		expect(suggestion.targetRating).toBe(1050)
		expect(Math.abs(suggestion.exercise.difficulty - 1000)).toBeLessThanOrEqual(200)
		// 900 and 1200 are equally far from the target 1050: the lower difficulty wins, then the slug.
		expect(suggestion.exercise.slug).toBe('orders-page-skips-an-order')
		expect(suggestion.reason).toContain('Matches your level (≈1000)')
		expect(suggestion.reason).toMatch(/which you have not practised yet$/)
	})

	it('raises the target after hard exercises are solved', () => {
		const history = [attempt(bySlug('retry-storm'), 'solved', { days: 20 }), attempt(bySlug('reminders-fire-an-hour-late'), 'solved', { days: 18 })]
		const fresh = suggestNextExercise(catalogue, [], now)!
		const experienced = suggestNextExercise(catalogue, history, now)!
		expect(experienced.targetRating).toBeGreaterThan(fresh.targetRating + 300)
		expect(experienced.exercise.difficulty).toBe(1500)
		expect(experienced.reason).toContain(`(≈${Math.round(estimateLevel(history) / 50) * 50})`)
	})

	it('prefers a weak topic over a strong one at equal difficulty', () => {
		const numbers = exercise('a-numbers', 1050, ['numbers'], 'number-precision')
		const text = exercise('b-text', 1050, ['text'], 'text-encoding')
		const pastNumbers = exercise('old-numbers', 1050, ['numbers'], 'boundary')
		const pastText = exercise('old-text', 1050, ['text'], 'wrong-condition')
		// Text: given up; numbers: solved. Equal difficulty and category recency otherwise.
		const history = [attempt(pastNumbers, 'solved', { days: 30, hintsRevealed: 1 }), attempt(pastText, 'gave_up', { days: 29 })]
		const suggestion = suggestNextExercise([numbers, text], history, now)!
		expect(suggestion.exercise.slug).toBe('b-text')
		expect(suggestion.reason).toContain('practises Text, which you have solved least')
		// And the other way round, so slug order is not what decides.
		const flipped = [attempt(pastNumbers, 'gave_up', { days: 30 }), attempt(pastText, 'solved', { days: 29, hintsRevealed: 1 })]
		expect(suggestNextExercise([numbers, text], flipped, now)!.exercise.slug).toBe('a-numbers')
	})

	it('counts a topic never practised as the weakest', () => {
		const time = exercise('b-time', 1050, ['time'], 'time-zones')
		const state = exercise('a-state', 1050, ['state'], 'shared-mutable-state')
		const past = exercise('past-state', 1050, ['state'], 'boundary')
		const history = [attempt(past, 'gave_up', { days: 30 }), attempt(past, 'solved', { days: 29, hintsRevealed: 3 })]
		const suggestion = suggestNextExercise([state, time], history, now)!
		expect(suggestion.exercise.slug).toBe('b-time')
		expect(suggestion.reason).toContain('practises Time, which you have not practised yet')
	})

	it('avoids a bug family met in the last three days', () => {
		const a = exercise('a-race', 1050, ['async'], 'async-race')
		const b = exercise('b-leak', 1050, ['async'], 'resource-leak')
		const racePast = exercise('past-race', 1050, ['text'], 'async-race')
		const leakPast = exercise('past-leak', 1050, ['text'], 'resource-leak')
		// Both categories met, one yesterday and one a week ago; the topics do not differ.
		const history = [attempt(racePast, 'solved', { days: 1, hintsRevealed: 1 }), attempt(leakPast, 'solved', { days: 7, hintsRevealed: 1 })]
		expect(suggestNextExercise([a, b], history, now)!.exercise.slug).toBe('b-leak')
		// Without the recent one, slug order decides the tie, so the test above is not a coincidence.
		expect(suggestNextExercise([a, b], [], now)!.exercise.slug).toBe('a-race')
	})

	it('prefers a bug family not met for two weeks, or never', () => {
		const a = exercise('a-race', 1050, ['async'], 'async-race')
		const b = exercise('b-leak', 1050, ['async'], 'resource-leak')
		const racePast = exercise('past-race', 1050, ['text'], 'async-race')
		const leakPast = exercise('past-leak', 1050, ['text'], 'resource-leak')
		expect(suggestNextExercise([a, b], [attempt(racePast, 'solved', { days: 8, hintsRevealed: 1 })], now)!.exercise.slug).toBe('b-leak')
		const history = [attempt(racePast, 'solved', { days: 8, hintsRevealed: 1 }), attempt(leakPast, 'solved', { days: 15, hintsRevealed: 1 })]
		expect(suggestNextExercise([a, b], history, now)!.exercise.slug).toBe('b-leak')
	})

	it('never suggests what is solved or in progress, but may suggest a give-up again', () => {
		const three = catalogue.slice(0, 3)
		const history = [attempt(three[0]!, 'solved'), attempt(three[1]!, 'in_progress'), attempt(three[2]!, 'gave_up', { days: 40 })]
		expect(suggestNextExercise(three, history, now)!.exercise.slug).toBe(three[2]!.slug)
	})

	it('returns null when everything is solved or in progress', () => {
		const history = catalogue.map((e, i) => attempt(e, i === 0 ? 'in_progress' : 'solved', { days: 20 - i }))
		expect(suggestNextExercise(catalogue, history, now)).toBeNull()
		expect(suggestNextExercise([], [], now)).toBeNull()
	})

	it('is deterministic: same input, same answer, whatever the catalogue order', () => {
		const history = [attempt(bySlug('duplicate-usernames'), 'solved', { days: 8 })]
		const first = suggestNextExercise(catalogue, history, now)
		expect(suggestNextExercise(catalogue.toReversed(), history, now)).toEqual(first)
	})

	it('says so when nothing left is near the level', () => {
		const hard = [exercise('very-hard', 2200, ['time'], 'time-zones')]
		expect(suggestNextExercise(hard, [], now)!.reason).toMatch(/^The closest to your level \(≈1000\)/)
	})
})
