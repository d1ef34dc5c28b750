import { describe, expect, test } from 'vitest'
import { calibration } from './calibration.ts'
import { proportion } from './proportions.ts'
import { teamLearningSummary } from './team-learning-summary.ts'
import type { RetentionReport } from '#app/retention/retention-report.ts'

function report(firstTry: [number, number], original: [number, number]): RetentionReport {
	const retention = {
		checks: firstTry[1],
		firstTry: proportion(...firstTry),
		originalFirstTry: proportion(...original),
		medianTimeRatio: null,
		medianIntervalDays: null,
	}
	return { overall: { retention, transfer: { solved: proportion(0, 0) } as RetentionReport['overall']['transfer'] }, byTopic: [], byFamily: [] }
}

const at = new Date('2026-11-02T10:00:00Z')
const predictions = (count: number, right: number, confidence: 50 | 70 | 90 = 90) =>
	Array.from({ length: count }, (_, i) => ({ confidence, correct: i < right, at }))

describe('teamLearningSummary', () => {
	test('says so when the team has no checks and no predictions yet', () => {
		const summary = teamLearningSummary(report([0, 0], [0, 0]), calibration([]))
		expect(summary.retention).toBe('Retention: no checks finished yet.')
		expect(summary.calibration).toBe('Calibration: no predictions with a confidence yet.')
	})

	test('gives counts, not a rate, below the minimum sample, and how many predictions are still needed', () => {
		const summary = teamLearningSummary(report([2, 3], [3, 3]), calibration(predictions(4, 2)))
		expect(summary.retention).toBe('Retention: 2 of 3 checks (too few for a rate) solved at the first fix, against 3 of 3 (too few for a rate) the first time.')
		expect(summary.calibration).toBe('Calibration: 4 predictions so far; 6 more before it is shown.')
	})

	test('gives the rate with its likely range, and the Brier score with the level furthest from what was said', () => {
		const summary = teamLearningSummary(report([6, 8], [7, 8]), calibration(predictions(10, 6)))
		expect(summary.retention).toMatch(
			/^Retention: 75 % of 8 checks \(likely \d+–\d+ %\) solved at the first fix, against 88 % of 8 \(likely \d+–\d+ %\) the first time\.$/,
		)
		// Ten predictions at 90 %, six right: (0.1² × 6 + 0.9² × 4) / 10 = 0.33.
		expect(summary.calibration).toBe(
			'Calibration: Brier score 0.33 over 10 predictions (0 is perfect, 0.25 is always saying 50 %). At 90 % sure the team is right 60 % of the time.',
		)
	})
})
