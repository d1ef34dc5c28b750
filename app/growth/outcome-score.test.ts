import { describe, expect, it } from 'vitest'
import { outcomeScore, SOLVE_FLOOR, speedFactor, UNSOLVED_CEILING, type GradedOutcome } from './outcome-score.ts'

const solve = (overrides: Partial<GradedOutcome> = {}): GradedOutcome => ({
	solved: true,
	minutesToRootCause: 20,
	estimatedMinutes: 20,
	failedFixes: 0,
	hintsRevealed: 0,
	...overrides,
})

// Every combination of a grid of inputs, extreme ones included.
const minutes = [null, 0, 1, 5, 10, 20, 40, 80, 300, 10_000]
const estimates = [null, 5, 25, 240]
const counts = [0, 1, 2, 5, 30]
function* grid(): Generator<GradedOutcome> {
	for (const solved of [true, false])
		for (const minutesToRootCause of minutes)
			for (const estimatedMinutes of estimates)
				for (const failedFixes of counts) for (const hintsRevealed of counts) yield { solved, minutesToRootCause, estimatedMinutes, failedFixes, hintsRevealed }
}

describe('outcomeScore', () => {
	it('stays within [0, 1] for every input, however extreme', () => {
		for (const outcome of grid()) {
			const score = outcomeScore(outcome)
			expect(score).toBeGreaterThanOrEqual(0)
			expect(score).toBeLessThanOrEqual(1)
		}
	})

	it('keeps every attempt not solved well below every solve', () => {
		const all = [...grid()]
		const bestMiss = Math.max(...all.filter((outcome) => !outcome.solved).map(outcomeScore))
		const worstSolve = Math.min(...all.filter((outcome) => outcome.solved).map(outcomeScore))
		expect(bestMiss).toBeLessThanOrEqual(UNSOLVED_CEILING)
		expect(worstSolve).toBeGreaterThanOrEqual(SOLVE_FLOOR)
		expect(worstSolve - bestMiss).toBeGreaterThanOrEqual(0.3)
	})

	it('never rises with more minutes, more failed fixes or more hints, and solving never scores less than not solving', () => {
		for (const outcome of grid()) {
			const score = outcomeScore(outcome)
			if (outcome.minutesToRootCause !== null)
				expect(outcomeScore({ ...outcome, minutesToRootCause: outcome.minutesToRootCause + 7 })).toBeLessThanOrEqual(score)
			expect(outcomeScore({ ...outcome, failedFixes: outcome.failedFixes + 1 })).toBeLessThanOrEqual(score)
			expect(outcomeScore({ ...outcome, hintsRevealed: outcome.hintsRevealed + 1 })).toBeLessThanOrEqual(score)
			expect(outcomeScore({ ...outcome, solved: true })).toBeGreaterThanOrEqual(score)
		}
	})

	it('strictly prefers a faster root cause, fewer failed fixes and fewer hints on a solve', () => {
		expect(outcomeScore(solve({ minutesToRootCause: 10 }))).toBeGreaterThan(outcomeScore(solve({ minutesToRootCause: 30 })))
		expect(outcomeScore(solve({ failedFixes: 0 }))).toBeGreaterThan(outcomeScore(solve({ failedFixes: 1 })))
		expect(outcomeScore(solve({ hintsRevealed: 0 }))).toBeGreaterThan(outcomeScore(solve({ hintsRevealed: 1 })))
	})

	it('measures time against the estimate, so the same ratio scores the same on a short and a long exercise', () => {
		expect(outcomeScore(solve({ minutesToRootCause: 10, estimatedMinutes: 20 }))).toBeCloseTo(
			outcomeScore(solve({ minutesToRootCause: 60, estimatedMinutes: 120 })),
			12,
		)
	})

	it('scores the documented points of the curve', () => {
		expect(outcomeScore(solve())).toBeCloseTo(0.5 + 0.5 / (1 + 0.5 ** 1.5), 12) // at the estimate: ≈ 0.87
		expect(outcomeScore(solve({ minutesToRootCause: 40 }))).toBeCloseTo(0.75, 12) // twice the estimate
		expect(outcomeScore(solve({ minutesToRootCause: 0 }))).toBe(1) // instant, unaided, first fix
		expect(outcomeScore(solve({ minutesToRootCause: 0, hintsRevealed: 1, failedFixes: 1 }))).toBeCloseTo(0.5 + 0.5 * 0.8 * 0.75, 12)
	})

	it('counts a missing time or estimate as the typical time: neither credit nor blame', () => {
		const typical = outcomeScore(solve())
		expect(outcomeScore(solve({ minutesToRootCause: null }))).toBeCloseTo(typical, 12)
		expect(outcomeScore(solve({ estimatedMinutes: null }))).toBeCloseTo(typical, 12)
		expect(speedFactor(null, null)).toBeCloseTo(speedFactor(25, 25), 12)
	})

	it('gives an attempt not solved nothing without a correct diagnosis, and a little credit with one', () => {
		expect(outcomeScore(solve({ solved: false, minutesToRootCause: null }))).toBe(0)
		expect(outcomeScore(solve({ solved: false, minutesToRootCause: null, hintsRevealed: 0, failedFixes: 0 }))).toBe(0)
		const foundLate = outcomeScore(solve({ solved: false, minutesToRootCause: 60 }))
		const foundEarly = outcomeScore(solve({ solved: false, minutesToRootCause: 5 }))
		expect(foundLate).toBeGreaterThan(0)
		expect(foundEarly).toBeGreaterThan(foundLate)
		expect(foundEarly).toBeLessThan(UNSOLVED_CEILING)
	})
})
