import { describe, expect, test } from 'vitest'
import { fadedUnlock, hintFading, isEagerReveal, MAX_FADING_FACTOR, MIN_FADING_FACTOR } from './hint-fading.ts'

const settled = (rating: number, topic = 'concurrency') => ({ topic, rating, provisional: false })

describe('hintFading', () => {
	test('keeps the author’s conditions while the learner’s rating is provisional', () => {
		const fading = hintFading([{ topic: 'concurrency', rating: 1900, provisional: true }])
		expect(fading).toMatchObject({ factor: 1, extraHypotheses: 0, basis: null })
		expect(fading.explanation).toMatch(
			/while your rating in its topics is provisional\. Once it settles they open later for a higher rating \(up to 2× the time\)/,
		)
		expect(hintFading([]).factor).toBe(1)
	})

	test('hints open later for a strong learner and sooner for a beginner, monotonically', () => {
		const factors = [900, 1100, 1300, 1500, 1700, 1900, 2100].map((rating) => hintFading([settled(rating)]).factor)
		for (let i = 1; i < factors.length; i++) expect(factors[i]!).toBeGreaterThanOrEqual(factors[i - 1]!)
		expect(hintFading([settled(1500)]).factor).toBe(1)
		expect(hintFading([settled(1900)]).factor).toBe(2)
		expect(hintFading([settled(1100)]).factor).toBe(0.5)
	})

	test('stays within its bounds at the ends of the scale', () => {
		expect(hintFading([settled(2600)]).factor).toBe(MAX_FADING_FACTOR)
		expect(hintFading([settled(400)]).factor).toBe(MIN_FADING_FACTOR)
	})

	test('uses the mean of the settled topic ratings and explains itself with topic names', () => {
		const fading = hintFading([settled(1800, 'concurrency'), settled(1700, 'state'), { topic: 'async', rating: 900, provisional: true }], (topic) =>
			topic.toUpperCase(),
		)
		expect(fading.basis).toBe(1750)
		expect(fading.extraHypotheses).toBe(1)
		expect(fading.explanation).toBe(
			'Hints open later for you here (1.54× the usual time and one more hypothesis): your rating in CONCURRENCY, STATE is ≈1750. Hints help most while a topic is new and get in the way once you know it, so they fade as your rating grows.',
		)
		expect(hintFading([settled(1200)]).explanation).toMatch(/^Hints open sooner for you here \(59 % of the usual time\)/)
	})
})

describe('fadedUnlock', () => {
	test('scales the minutes and adds the extra hypothesis, never asking for fewer hypotheses', () => {
		expect(fadedUnlock({ afterMinutes: 10, afterHypotheses: 1 }, { factor: 2, extraHypotheses: 1 })).toEqual({ afterMinutes: 20, afterHypotheses: 2 })
		expect(fadedUnlock({ afterMinutes: 10, afterHypotheses: 2 }, { factor: 0.5, extraHypotheses: 0 })).toEqual({ afterMinutes: 5, afterHypotheses: 2 })
		expect(fadedUnlock({ afterMinutes: 0, afterHypotheses: 0 }, { factor: 2, extraHypotheses: 0 })).toEqual({ afterMinutes: 0, afterHypotheses: 0 })
	})
})

describe('isEagerReveal', () => {
	test('is a reveal within ten seconds of unlocking', () => {
		const unlocked = new Date('2026-12-01T10:00:00Z')
		expect(isEagerReveal(unlocked, new Date('2026-12-01T10:00:04Z'))).toBe(true)
		expect(isEagerReveal(unlocked, new Date('2026-12-01T10:00:30Z'))).toBe(false)
		expect(isEagerReveal(unlocked, new Date('2026-12-01T09:59:59Z'))).toBe(false)
	})
})
