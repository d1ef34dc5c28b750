// Predictions: before a run the learner may say what it will show. A prediction about one
// test is scored against the run automatically; a free-text one is marked by the learner. Pure.
import { z } from 'zod'
import { CONFIDENCE_LEVELS, type Confidence } from '#app/growth/calibration.ts'
import type { RunResult } from '#app/runner/protocol.ts'

// How sure the learner is, for calibration. Optional: predictions made before it was asked have none.
const ConfidenceSchema = z
	.union(
		CONFIDENCE_LEVELS.map((level) => z.literal(level)),
		{ error: 'Say how sure you are: 50, 70 or 90 %.' },
	)
	.optional()

export const PredictionSchema = z.discriminatedUnion('kind', [
	z.strictObject({ kind: z.literal('test'), test: z.string().min(1).max(500), outcome: z.enum(['pass', 'fail']), confidence: ConfidenceSchema }),
	z.strictObject({
		kind: z.literal('text'),
		text: z.string().trim().min(1, 'Write what you expect to see.').max(1000, 'Keep a prediction under 1000 characters.'),
		confidence: ConfidenceSchema,
	}),
])

/** What the workspace proposes until the learner says otherwise. */
export const DEFAULT_CONFIDENCE: Confidence = 70
export type Prediction = z.infer<typeof PredictionSchema>

/** True or false when the run settles it; null when it cannot (free text, or the test did not run). */
export function scorePrediction(prediction: Prediction, result: Pick<RunResult, 'status' | 'tests'>): boolean | null {
	if (prediction.kind === 'text') return null
	const test = result.tests.find((candidate) => candidate.name === prediction.test)
	if (!test) {
		// The code did not even load, so no test passed: "it will fail" was right.
		if (result.status === 'error' && result.tests.length === 0) return prediction.outcome === 'fail'
		return null
	}
	if (test.status === 'skip') return null
	return (test.status === 'pass') === (prediction.outcome === 'pass')
}

export function describePrediction(prediction: Prediction): string {
	const sure = prediction.confidence ? ` (${prediction.confidence} % sure)` : ''
	if (prediction.kind === 'text') return `${prediction.text}${sure}`
	return `“${prediction.test}” will ${prediction.outcome}${sure}`
}
