import { describe, expect, test } from 'vitest'
import {
	brierScore,
	calibration,
	describeCalibration,
	isConfidence,
	MIN_PREDICTIONS_FOR_CALIBRATION,
	type Confidence,
	type ScoredPrediction,
} from './calibration.ts'

const at = (month: number, day = 1) => new Date(Date.UTC(2026, month - 1, day))
function predictions(confidence: Confidence, right: number, wrong: number, when = at(10)): ScoredPrediction[] {
	return [
		...Array.from({ length: right }, () => ({ confidence, correct: true, at: when })),
		...Array.from({ length: wrong }, () => ({ confidence, correct: false, at: when })),
	]
}

describe('brierScore', () => {
	test('is 0 for certain-and-right, 0.25 for always 50 %, and grows with overconfidence', () => {
		expect(brierScore([])).toBeNull()
		expect(brierScore(predictions(50, 3, 3))).toBeCloseTo(0.25)
		expect(brierScore(predictions(90, 1, 0))).toBeCloseTo(0.01)
		expect(brierScore(predictions(90, 0, 1))).toBeCloseTo(0.81)
		expect(brierScore(predictions(90, 5, 5))!).toBeGreaterThan(brierScore(predictions(70, 5, 5))!)
	})
})

describe('calibration', () => {
	test('below the minimum it says how many more predictions are needed', () => {
		expect(calibration(predictions(70, 4, 3))).toEqual({ ready: false, count: 7, needed: MIN_PREDICTIONS_FOR_CALIBRATION - 7 })
	})

	test('bins by confidence and reads the widest gap in plain words', () => {
		const result = calibration([...predictions(90, 5, 3), ...predictions(70, 4, 2), ...predictions(50, 1, 1)])
		if (!result.ready) throw new Error('expected a calibration')
		expect(result.count).toBe(16)
		expect(result.bins.map((bin) => [bin.confidence, bin.right.successes, bin.right.total])).toEqual([
			[50, 1, 2],
			[70, 4, 6],
			[90, 5, 8],
		])
		// 50 % has too few to compare; 90 % said, 63 % right is the widest gap.
		expect(describeCalibration(result.reading)).toBe('When you say 90 % you are right 63 % of the time: you are more sure than your results support.')
		expect(describeCalibration(result.reading, { name: 'Priya' })).toBe(
			'When Priya says 90 % they are right 63 % of the time: they are more sure than their results support.',
		)
	})

	test('a well-calibrated learner is told so, an underconfident one too', () => {
		const good = calibration([...predictions(90, 9, 1), ...predictions(70, 7, 3)])
		expect(good.ready && describeCalibration(good.reading)).toBe('When you say 90 % you are right 90 % of the time: your confidence matches your results.')
		const modest = calibration(predictions(50, 9, 1))
		expect(modest.ready && describeCalibration(modest.reading)).toBe(
			'When you say 50 % you are right 90 % of the time: you are right more often than you expect.',
		)
		const spread = calibration([...predictions(50, 2, 1), ...predictions(70, 2, 2), ...predictions(90, 3, 1)])
		expect(spread.ready && spread.reading).toBeNull()
		expect(describeCalibration(null)).toBe('There are predictions, but not yet five at any one confidence level to compare.')
	})

	test('gives the Brier score per month, oldest first', () => {
		const result = calibration([...predictions(90, 2, 4, at(11, 3)), ...predictions(90, 5, 0, at(9, 20))])
		if (!result.ready) throw new Error('expected a calibration')
		expect(result.byMonth.map((m) => [m.month, m.count])).toEqual([
			['2026-09', 5],
			['2026-11', 6],
		])
		expect(result.byMonth[0]!.brier).toBeLessThan(result.byMonth[1]!.brier)
	})

	test('accepts only the three confidence levels', () => {
		expect([50, 70, 90].every(isConfidence)).toBe(true)
		expect([60, '90', null, 100].some(isConfidence)).toBe(false)
	})
})
