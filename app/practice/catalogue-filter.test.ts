import { describe, expect, it } from 'vitest'
import {
	DIFFICULTY_BANDS,
	difficultyBand,
	EMPTY_CATALOGUE_QUERY,
	filterCatalogue,
	isFiltered,
	learnerExerciseStatus,
	parseCatalogueQuery,
	type CatalogueEntry,
	type CatalogueQuery,
} from './catalogue-filter.ts'

const entry = (slug: string, fields: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
	slug,
	title: slug,
	summary: '',
	kind: 'debugging',
	topics: ['data-integrity'],
	difficulty: 1200,
	difficultySource: 'authored',
	estimatedMinutes: 30,
	language: 'typescript',
	status: 'new',
	...fields,
})

const catalogue: CatalogueEntry[] = [
	entry('reminders-fire-an-hour-late', {
		title: 'Reminders fire an hour late',
		summary: 'After the clocks changed, reminders arrive one hour after the time users picked.',
		topics: ['time', 'reliability'],
		difficulty: 1800,
		status: 'solved',
	}),
	entry('invoice-total-off-by-a-cent', {
		title: 'Invoice total off by a cent',
		summary: 'Some invoices total 0.01 more than the sum of their lines (50% of them in EUR).',
		topics: ['numbers', 'data-integrity'],
		difficulty: 1200,
		status: 'in_progress',
	}),
	entry('leaderboard-order-is-random', { title: 'Leaderboard order is random', topics: ['state'], difficulty: 900, status: 'given_up' }),
	entry('cache-design', { title: 'A cache in front of a slow service', kind: 'architecture', topics: ['caching', 'performance'], difficulty: 1950 }),
]

const query = (fields: Partial<CatalogueQuery>): CatalogueQuery => ({ ...EMPTY_CATALOGUE_QUERY, ...fields })
const slugs = (entries: CatalogueEntry[]) => entries.map((e) => e.slug)

describe('difficultyBand', () => {
	it('puts each difficulty in its band, edges included', () => {
		expect(difficultyBand(800).label).toBe('Foundation')
		expect(difficultyBand(1049).label).toBe('Foundation')
		expect(difficultyBand(1050).label).toBe('Intermediate')
		expect(difficultyBand(1349).label).toBe('Intermediate')
		expect(difficultyBand(1350).label).toBe('Advanced')
		expect(difficultyBand(1650).label).toBe('Expert')
		expect(difficultyBand(1949).label).toBe('Expert')
		expect(difficultyBand(1950).label).toBe('Principal')
		expect(difficultyBand(2200).label).toBe('Principal')
	})

	it('covers 800–2200 without gaps', () => {
		for (const [index, band] of DIFFICULTY_BANDS.entries()) {
			const next = DIFFICULTY_BANDS[index + 1]
			if (next) expect(next.min).toBe(band.max + 1)
		}
		expect(DIFFICULTY_BANDS[0].min).toBe(800)
		expect(DIFFICULTY_BANDS.at(-1)!.max).toBe(2200)
	})
})

describe('learnerExerciseStatus', () => {
	it('counts a solve over everything, an open attempt over a give-up', () => {
		expect(learnerExerciseStatus([])).toBe('new')
		expect(learnerExerciseStatus(['gave_up'])).toBe('given_up')
		expect(learnerExerciseStatus(['gave_up', 'in_progress'])).toBe('in_progress')
		expect(learnerExerciseStatus(['gave_up', 'solved', 'in_progress'])).toBe('solved')
	})
})

describe('parseCatalogueQuery', () => {
	it('reads every filter', () => {
		const parsed = parseCatalogueQuery(new URLSearchParams('kind=debugging&topic=time&band=expert&status=solved&q=%20Clock%20'))
		expect(parsed).toEqual({ kind: 'debugging', topic: 'time', band: 'expert', status: 'solved', q: 'Clock' })
	})

	it('treats missing, empty, unknown and oddly cased values as "any"', () => {
		expect(parseCatalogueQuery(new URLSearchParams(''))).toEqual(EMPTY_CATALOGUE_QUERY)
		expect(parseCatalogueQuery(new URLSearchParams('kind=&topic=&band=&status=&q='))).toEqual(EMPTY_CATALOGUE_QUERY)
		expect(parseCatalogueQuery(new URLSearchParams('kind=poetry&topic=Time&band=9000&status=done'))).toEqual(EMPTY_CATALOGUE_QUERY)
		expect(parseCatalogueQuery(new URLSearchParams('topic=__proto__&band=constructor'))).toEqual(EMPTY_CATALOGUE_QUERY)
	})

	it('takes the first of repeated keys', () => {
		expect(parseCatalogueQuery(new URLSearchParams('topic=time&topic=numbers')).topic).toBe('time')
	})

	it('trims the search and cuts it to 100 characters without splitting an emoji', () => {
		expect(parseCatalogueQuery(new URLSearchParams({ q: 'x'.repeat(10_000) })).q).toHaveLength(100)
		const emoji = parseCatalogueQuery(new URLSearchParams({ q: '😀'.repeat(150) })).q
		expect(Array.from(emoji)).toHaveLength(100)
		expect(emoji).toBe('😀'.repeat(100))
		expect(parseCatalogueQuery(new URLSearchParams({ q: 'a\u0000b\nc' })).q).toBe('a b c')
	})

	it('says whether anything is filtered', () => {
		expect(isFiltered(EMPTY_CATALOGUE_QUERY)).toBe(false)
		expect(isFiltered(query({ q: 'x' }))).toBe(true)
		expect(isFiltered(query({ status: 'new' }))).toBe(true)
	})
})

describe('filterCatalogue', () => {
	it('returns everything, in order, for no filters', () => {
		expect(filterCatalogue(catalogue, EMPTY_CATALOGUE_QUERY)).toEqual(catalogue)
	})

	it('filters by kind, topic, band and status, all at once', () => {
		expect(slugs(filterCatalogue(catalogue, query({ kind: 'architecture' })))).toEqual(['cache-design'])
		expect(slugs(filterCatalogue(catalogue, query({ topic: 'numbers' })))).toEqual(['invoice-total-off-by-a-cent'])
		expect(slugs(filterCatalogue(catalogue, query({ band: 'foundation' })))).toEqual(['leaderboard-order-is-random'])
		expect(slugs(filterCatalogue(catalogue, query({ band: 'principal' })))).toEqual(['cache-design'])
		expect(slugs(filterCatalogue(catalogue, query({ status: 'new' })))).toEqual(['cache-design'])
		expect(slugs(filterCatalogue(catalogue, query({ kind: 'debugging', topic: 'time', band: 'expert', status: 'solved' })))).toEqual([
			'reminders-fire-an-hour-late',
		])
		expect(filterCatalogue(catalogue, query({ kind: 'architecture', status: 'solved' }))).toEqual([])
	})

	it('does not count a give-up as solved', () => {
		expect(slugs(filterCatalogue(catalogue, query({ status: 'solved' })))).toEqual(['reminders-fire-an-hour-late'])
		expect(slugs(filterCatalogue(catalogue, query({ status: 'given_up' })))).toEqual(['leaderboard-order-is-random'])
	})

	it('searches title, summary and topic labels, case-insensitively, every word', () => {
		expect(slugs(filterCatalogue(catalogue, query({ q: 'LEADERBOARD' })))).toEqual(['leaderboard-order-is-random'])
		expect(slugs(filterCatalogue(catalogue, query({ q: 'clocks' })))).toEqual(['reminders-fire-an-hour-late'])
		expect(slugs(filterCatalogue(catalogue, query({ q: 'data integrity' })))).toEqual(['invoice-total-off-by-a-cent'])
		expect(slugs(filterCatalogue(catalogue, query({ q: 'time reliability' })))).toEqual(['reminders-fire-an-hour-late'])
		expect(filterCatalogue(catalogue, query({ q: 'time numbers' }))).toEqual([])
	})

	it('takes % and _ literally and survives emoji and huge input', () => {
		expect(slugs(filterCatalogue(catalogue, query({ q: '50%' })))).toEqual(['invoice-total-off-by-a-cent'])
		expect(filterCatalogue(catalogue, query({ q: '%' })).length).toBe(1)
		expect(filterCatalogue(catalogue, query({ q: '_' }))).toEqual([])
		expect(filterCatalogue(catalogue, query({ q: '😀' }))).toEqual([])
		const huge = parseCatalogueQuery(new URLSearchParams({ q: '.*'.repeat(5000) }))
		expect(filterCatalogue(catalogue, huge)).toEqual([])
	})
})
