import { describe, expect, test } from 'vitest'
import { MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS, pickCheckVariant, recallProbability, retentionGrade, scheduleNextCheck, type FamilyCard } from './schedule.ts'

const at = new Date('2026-10-03T10:00:00Z')
const unaided = { solved: true, hintsRevealed: 0, failedFixes: 0 }
const withHints = { solved: true, hintsRevealed: 2, failedFixes: 0 }
const afterFailedFix = { solved: true, hintsRevealed: 0, failedFixes: 1 }
const gaveUp = { solved: false, hintsRevealed: 1, failedFixes: 0 }
const days = (n: number) => new Date(at.getTime() + n * 86_400_000)

/** Reviews a card through a sequence of outcomes, each on the day the previous one fell due. */
function replay(outcomes: Array<typeof unaided>) {
	let card: FamilyCard | null = null
	let when = at
	const intervals: number[] = []
	for (const outcome of outcomes) {
		const next = scheduleNextCheck(card, outcome, when, 'Check-then-act race')
		intervals.push(next.intervalDays)
		card = next.card
		when = next.card.due
	}
	return { card: card!, intervals }
}

describe('retentionGrade', () => {
	test('grades a solve by how much help it took, and anything unsolved as a miss', () => {
		expect(retentionGrade(unaided)).toBe('good')
		expect(retentionGrade(withHints)).toBe('hard')
		expect(retentionGrade(afterFailedFix)).toBe('hard')
		expect(retentionGrade(gaveUp)).toBe('again')
		expect(retentionGrade({ solved: false, hintsRevealed: 0, failedFixes: 3 })).toBe('again')
	})
})

describe('scheduleNextCheck', () => {
	test('spaces the first check by about a week after an unaided solve, and says why', () => {
		const first = scheduleNextCheck(null, unaided, at, 'Check-then-act race')
		expect(first.intervalDays).toBeGreaterThanOrEqual(5)
		expect(first.intervalDays).toBeLessThanOrEqual(14)
		expect(first.card.due).toEqual(days(first.intervalDays))
		expect(first.reason).toBe(`First variant solved unaided: another variant of “Check-then-act race” comes back in ${first.intervalDays} days.`)
	})

	test('a solve with help comes back sooner than an unaided one, a miss sooner still', () => {
		const good = scheduleNextCheck(null, unaided, at, 'f').intervalDays
		const hard = scheduleNextCheck(null, withHints, at, 'f').intervalDays
		const again = scheduleNextCheck(null, gaveUp, at, 'f').intervalDays
		expect(good).toBeGreaterThan(hard)
		expect(hard).toBeGreaterThanOrEqual(again)
	})

	test('the gap grows with each success and shrinks after a failure', () => {
		const successes = replay([unaided, unaided, unaided]).intervals
		expect(successes[1]!).toBeGreaterThan(successes[0]!)
		expect(successes[2]!).toBeGreaterThan(successes[1]!)

		const lapse = replay([unaided, unaided, gaveUp]).intervals
		expect(lapse[2]!).toBeLessThan(lapse[1]!)
		const { card } = replay([unaided, unaided, gaveUp])
		expect(card.lapses).toBe(1)
		expect(scheduleNextCheck(replay([unaided, unaided]).card, gaveUp, days(90), 'Cursor off by one').reason).toMatch(
			/^Variant not solved \(the gap shrinks after a miss\): another variant of “Cursor off by one” comes back in \d+ days\.$/,
		)
	})

	test('keeps every interval between the floor and the ceiling', () => {
		const misses = replay([gaveUp, gaveUp, gaveUp, gaveUp]).intervals
		const successes = replay(Array.from({ length: 8 }, () => unaided)).intervals
		for (const interval of [...misses, ...successes]) {
			expect(interval).toBeGreaterThanOrEqual(MIN_INTERVAL_DAYS)
			expect(interval).toBeLessThanOrEqual(MAX_INTERVAL_DAYS)
		}
		expect(successes.at(-1)).toBe(MAX_INTERVAL_DAYS)
	})

	test('the same history gives the same schedule (no fuzz)', () => {
		expect(replay([unaided, withHints, unaided])).toEqual(replay([unaided, withHints, unaided]))
	})
})

describe('recallProbability', () => {
	test('falls as time passes since the last variant', () => {
		const { card } = replay([unaided])
		const soon = recallProbability(card, days(card.scheduledDays + 1))
		const later = recallProbability(card, days(card.scheduledDays + 60))
		expect(soon).toBeGreaterThan(later)
		expect(soon).toBeLessThan(1)
	})
})

describe('pickCheckVariant', () => {
	const variants = [
		{ slug: 'inventory-oversold', difficulty: 1500 },
		{ slug: 'seat-booked-twice', difficulty: 1200 },
		{ slug: 'coupon-redeemed-twice', difficulty: 1800 },
	]

	test('serves an unseen variant, the one closest to the learner’s level', () => {
		expect(pickCheckVariant(variants, new Set(['inventory-oversold']), 1300)?.slug).toBe('seat-booked-twice')
		expect(pickCheckVariant(variants, new Set(['inventory-oversold']), 1700)?.slug).toBe('coupon-redeemed-twice')
	})

	test('gives nothing once every variant has been seen', () => {
		expect(pickCheckVariant(variants, new Set(variants.map((variant) => variant.slug)), 1500)).toBeNull()
	})
})
