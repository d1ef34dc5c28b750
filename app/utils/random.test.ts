import { describe, expect, it } from 'vitest'
import { createRandom, mulberry32 } from './random.ts'

describe('the seeded random generator', () => {
	it('gives the same sequence for the same seed and another for another seed', () => {
		const a = mulberry32(7)
		const b = mulberry32(7)
		const c = mulberry32(8)
		const first = Array.from({ length: 5 }, () => a())
		expect(Array.from({ length: 5 }, () => b())).toEqual(first)
		expect(Array.from({ length: 5 }, () => c())).not.toEqual(first)
		for (const value of first) expect(value >= 0 && value < 1).toBe(true)
	})

	it('matches mulberry32’s published first value for seed 1', () => {
		// The reference implementation's first output for seed 1 (state 0x6d2b79f6).
		expect(mulberry32(1)()).toBeCloseTo(0.6270739405881613, 15)
	})

	it('picks whole numbers within both bounds, shuffles without losing items, and makes v4-shaped UUIDs', () => {
		const random = createRandom(42)
		const ints = Array.from({ length: 2000 }, () => random.int(1, 3))
		expect(new Set(ints)).toEqual(new Set([1, 2, 3]))
		expect(random.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5])
		expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
	})
})
