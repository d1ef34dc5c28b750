// One run as the browser receives it: the full output of an earlier run, and what the workspace
// learns when a run it started has been recorded. The runs routes answer with these types
// through data(), and the workspace and the replay read the same types. Pure.
import type { RunResult } from '#app/runner/protocol.ts'
import { describePrediction, type Prediction } from './prediction.ts'

/** An earlier run's full output: one of the learner's own, or one in a lead's replay. */
export type RunView = { id: string; number: number; result: RunResult; predictionCorrect: boolean | null }

/** A run the workspace has just started, as recorded: its output and what it adds to the journal. */
export type RecordedRun = RunView & { passed: number; failed: number; hypothesisId: string | null; prediction: Prediction | null }

/** Why a run was not started or cannot be shown, in words for the person who asked. */
export type RunRefusal = { error: string }

export function toRunView(run: { id: string; number: number; result: unknown; predictionCorrect: boolean | null }): RunView {
	// Prisma types the JSON column loosely; recordRun is its only writer and stores the runner's RunResult.
	return { id: run.id, number: run.number, result: run.result as RunResult, predictionCorrect: run.predictionCorrect }
}

/** The run the output panel shows, with the prediction made before it in words. */
export type ShownRun = { id: string; number: number; result: RunResult; predictionText?: string | null; predictionCorrect?: boolean | null }

export function shownRun(
	run: { id: string; number: number; result: RunResult },
	made: { prediction: Prediction | null; predictionCorrect: boolean | null } | undefined,
): ShownRun {
	return {
		id: run.id,
		number: run.number,
		result: run.result,
		predictionText: made?.prediction ? describePrediction(made.prediction) : null,
		predictionCorrect: made?.predictionCorrect ?? null,
	}
}
