import { describe, expect, test } from 'vitest'
import { describeProportion, MIN_SAMPLE_FOR_RATE, proportion, wilsonInterval } from './proportions.ts'

describe('wilsonInterval', () => {
	test('matches the textbook interval for 8 of 10 and stays inside [0, 1] at the extremes', () => {
		const interval = wilsonInterval(8, 10)!
		expect(interval.low).toBeCloseTo(0.4902, 3)
		expect(interval.high).toBeCloseTo(0.9433, 3)
		expect(wilsonInterval(0, 4)!.low).toBe(0)
		expect(wilsonInterval(4, 4)!.high).toBe(1)
		expect(wilsonInterval(4, 4)!.low).toBeGreaterThan(0.4)
		expect(wilsonInterval(0, 0)).toBeNull()
	})

	test('narrows as the sample grows at the same rate', () => {
		const small = wilsonInterval(3, 4)!
		const large = wilsonInterval(75, 100)!
		expect(large.high - large.low).toBeLessThan(small.high - small.low)
	})
})

describe('proportion', () => {
	test('hides the rate below the minimum sample and says so in words', () => {
		const few = proportion(3, MIN_SAMPLE_FOR_RATE - 1)
		expect(few.shown).toBe(false)
		expect(describeProportion(few)).toBe(`3 of ${MIN_SAMPLE_FOR_RATE - 1} — too few to give a rate`)
		expect(describeProportion(proportion(0, 0))).toBe('none yet')
	})

	test('shows the rate with its interval and counts once there is enough', () => {
		expect(describeProportion(proportion(8, 10))).toBe('80 % (49–94 %, 8 of 10)')
	})

	test('refuses counts that cannot be a proportion', () => {
		expect(() => proportion(5, 4)).toThrow(RangeError)
		expect(() => proportion(-1, 4)).toThrow(RangeError)
		expect(() => proportion(1.5, 4)).toThrow(RangeError)
	})
})
