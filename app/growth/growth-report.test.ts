import { describe, expect, it } from 'vitest'
import { ratingChangesByAttempt, reviewExcerpt, skillsInPeriod, tellingAttempts, TELLING_ATTEMPTS } from './growth-report.ts'
import type { StoredRatingChange } from './stored-rating-change.ts'

const day = (n: number) => new Date(Date.UTC(2026, 6, n, 12))
const previousFrom = day(1)
const from = day(11)

function change(attemptId: string, topic: string, at: Date, ratingBefore: number, ratingAfter: number): StoredRatingChange & { attemptId: string } {
	return {
		attemptId,
		topic,
		at,
		ratingBefore,
		ratingAfter,
		// Settled ratings (below PROVISIONAL_RD), so explanations give the points moved.
		rdBefore: 100,
		rdAfter: 95,
		delta: ratingAfter - ratingBefore,
		weight: 1,
		solved: ratingAfter > ratingBefore,
		hintsRevealed: 0,
		outsidePastes: 0,
		exerciseRating: 1500,
		// Rated as solved or not (rule 1): no score or evidence stored.
		score: null,
		minutesToRootCause: null,
		failedFixes: null,
		estimatedMinutes: null,
	}
}

describe('skillsInPeriod', () => {
	it('gives each topic its rating at the end, its movement in the period and in the one before, in the catalogue order', () => {
		const skills = skillsInPeriod(
			[
				change('a', 'validation', day(2), 1500, 1480),
				change('a', 'api-design', day(2), 1500, 1470),
				change('b', 'validation', day(5), 1480, 1460),
				change('c', 'validation', day(12), 1460, 1530),
				change('d', 'validation', day(14), 1530, 1550),
			],
			{ previousFrom, from },
		)
		expect(skills.map((skill) => skill.topic)).toEqual(['validation', 'api-design'])
		expect(skills[0]).toEqual({ topic: 'validation', label: 'Validation', rating: 1550, rd: 95, change: 90, games: 2, previousChange: -40, previousGames: 2 })
		expect(skills[1]).toEqual({
			topic: 'api-design',
			label: 'API design',
			rating: 1470,
			rd: 95,
			change: null,
			games: 0,
			previousChange: -30,
			previousGames: 1,
		})
	})

	it('counts games from before the previous period in the rating, not in either movement', () => {
		const [skill] = skillsInPeriod([change('old', 'validation', new Date(Date.UTC(2026, 0, 1)), 1500, 1600)], { previousFrom, from })
		expect(skill).toMatchObject({ rating: 1600, change: null, games: 0, previousChange: null, previousGames: 0 })
	})
})

describe('ratingChangesByAttempt', () => {
	it('groups the changes from the start of the period by attempt, with their total', () => {
		const byAttempt = ratingChangesByAttempt(
			[change('before', 'validation', day(5), 1500, 1520), change('x', 'validation', day(12), 1520, 1540), change('x', 'api-design', day(12), 1500, 1490)],
			from,
		)
		expect([...byAttempt.keys()]).toEqual(['x'])
		expect(byAttempt.get('x')!.total).toBe(10)
		expect(byAttempt.get('x')!.changes.map((entry) => entry.topic)).toEqual(['validation', 'api-design'])
	})
})

describe('tellingAttempts', () => {
	const attempt = (attemptId: string, finishedDay: number) => ({
		attemptId,
		exercise: { slug: attemptId, title: attemptId.toUpperCase() },
		finishedAt: day(finishedDay),
		solved: true,
	})

	it('picks the biggest gain and the biggest loss, then the largest swing, oldest first, each explained by the topic it moved most', () => {
		const changes = [
			change('small', 'validation', day(12), 1500, 1505),
			change('gain', 'validation', day(13), 1505, 1545),
			change('gain', 'api-design', day(13), 1500, 1560),
			change('loss', 'validation', day(14), 1545, 1520),
			change('swing', 'validation', day(15), 1520, 1550),
		]
		const picked = tellingAttempts(
			[attempt('small', 12), attempt('gain', 13), attempt('loss', 14), attempt('swing', 15), attempt('retry', 16)],
			ratingChangesByAttempt(changes, from),
		)
		expect(picked.map((entry) => [entry.attemptId, entry.kind, entry.ratingChange])).toEqual([
			['gain', 'biggest-gain', 100],
			['loss', 'biggest-loss', -25],
			['swing', 'large-swing', 30],
		])
		expect(picked).toHaveLength(TELLING_ATTEMPTS)
		expect(picked[0]!.explanation).toBe('rating +60 in API design because you solved a 1500-rated exercise without hints')
		expect(picked[0]).toMatchObject({ exercise: { slug: 'gain', title: 'GAIN' }, finishedAt: day(13).toISOString(), solved: true })
	})

	it('names no biggest loss in a period without one, and nothing at all without rated attempts', () => {
		const gains = [change('one', 'validation', day(12), 1500, 1510), change('two', 'validation', day(13), 1510, 1530)]
		expect(tellingAttempts([attempt('one', 12), attempt('two', 13)], ratingChangesByAttempt(gains, from)).map((entry) => entry.kind)).toEqual([
			'large-swing',
			'biggest-gain',
		])
		expect(tellingAttempts([attempt('retry', 12)], new Map())).toEqual([])
	})
})

describe('reviewExcerpt', () => {
	it('keeps a short summary whole, on one line', () => {
		expect(reviewExcerpt('  Clear hypothesis.\n\nGood   truth table. ')).toBe('Clear hypothesis. Good truth table.')
	})

	it('cuts a long summary at a word, without trailing punctuation, and says it was cut', () => {
		const cut = reviewExcerpt(`Clear hypothesis early on. ${'Then a careful truth table of the promotion rule. '.repeat(10)}`)
		expect(cut.length).toBeLessThanOrEqual(281)
		expect(cut).toMatch(/^Clear hypothesis early on\. .*[a-z]…$/)
	})
})
