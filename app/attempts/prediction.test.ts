import { describe, expect, it } from 'vitest'
import { describePrediction, PredictionSchema, scorePrediction } from './prediction.ts'

const run = (status: 'pass' | 'fail' | 'error', tests: Array<[string, 'pass' | 'fail' | 'skip']>) => ({
	status,
	tests: tests.map(([name, s]) => ({ name, file: 'tests/visible/a.test.ts', status: s, durationMs: 1 })),
})

describe('scoring predictions', () => {
	it('marks a prediction about a test right or wrong from the run', () => {
		const result = run('fail', [
			['totals > adds tax', 'fail'],
			['totals > empty cart', 'pass'],
		])
		expect(scorePrediction({ kind: 'test', test: 'totals > adds tax', outcome: 'fail' }, result)).toBe(true)
		expect(scorePrediction({ kind: 'test', test: 'totals > adds tax', outcome: 'pass' }, result)).toBe(false)
		expect(scorePrediction({ kind: 'test', test: 'totals > empty cart', outcome: 'pass' }, result)).toBe(true)
	})
	it('cannot tell about a test that did not run or was skipped, nor about free text', () => {
		const result = run('fail', [['a', 'skip']])
		expect(scorePrediction({ kind: 'test', test: 'a', outcome: 'pass' }, result)).toBeNull()
		expect(scorePrediction({ kind: 'test', test: 'missing', outcome: 'pass' }, result)).toBeNull()
		expect(scorePrediction({ kind: 'text', text: 'the total is 9.99' }, result)).toBeNull()
	})
	it('counts "it will fail" as right when the code did not load at all', () => {
		expect(scorePrediction({ kind: 'test', test: 'a', outcome: 'fail' }, run('error', []))).toBe(true)
		expect(scorePrediction({ kind: 'test', test: 'a', outcome: 'pass' }, run('error', []))).toBe(false)
	})
	it('refuses empty and oversized free text, and describes predictions in words', () => {
		expect(PredictionSchema.safeParse({ kind: 'text', text: '   ' }).success).toBe(false)
		expect(PredictionSchema.safeParse({ kind: 'text', text: 'x'.repeat(1001) }).success).toBe(false)
		expect(describePrediction({ kind: 'test', test: 'adds tax', outcome: 'fail' })).toBe('“adds tax” will fail')
	})
})

describe('confidence', () => {
	it('accepts 50, 70 or 90 %, or none for predictions made before it was asked, and says it in words', () => {
		for (const confidence of [50, 70, 90])
			expect(PredictionSchema.safeParse({ kind: 'test', test: 'adds tax', outcome: 'fail', confidence }).success).toBe(true)
		expect(PredictionSchema.safeParse({ kind: 'text', text: 'the total is 57.95' }).success).toBe(true)
		const wrong = PredictionSchema.safeParse({ kind: 'text', text: 'the total is 57.95', confidence: 60 })
		expect(wrong.success).toBe(false)
		expect(wrong.error?.issues[0]?.message).toBe('Say how sure you are: 50, 70 or 90 %.')
		expect(describePrediction({ kind: 'test', test: 'adds tax', outcome: 'fail', confidence: 90 })).toBe('“adds tax” will fail (90 % sure)')
	})
})
