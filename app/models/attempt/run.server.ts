// Runs: the learner's code against the visible tests (in an architecture exercise, the
// scenarios of their stage), recorded as an experiment with the hypothesis it tests and the
// learner's prediction, scored.
import type { Files } from '#app/attempts/code-history.ts'
import { scorePrediction, type Prediction } from '#app/attempts/prediction.ts'
import { needsHiddenFiles, runScenarioFiles } from '#app/architecture/stages.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { AttemptError, type AttemptContext, type AttemptOwner } from './guard.server.ts'
import { commitToAttempt, playInSandbox, requireRunnable } from './kernel.server.ts'
import { stageNotOpen } from './stage.server.ts'
import { stageHiddenFiles } from './version.server.ts'

export type RunRequestInput = { files: Files; hypothesisId?: string | null; prediction?: Prediction | null; stage?: number }

/** Runs the visible tests on the learner's code and records the run as an experiment. */
export async function recordRun(attempt: AttemptContext, input: RunRequestInput, now = new Date()) {
	requireRunnable(attempt, input.files)
	const plan = await runPlan(attempt, input.files, input.stage)
	const hypothesisId = input.hypothesisId ? await hypothesisTested(attempt.id, input.hypothesisId) : null
	const result = await playInSandbox(attempt, plan, 'run')
	const predictionCorrect = input.prediction ? scorePrediction(input.prediction, result) : null
	const passed = result.tests.filter((test) => test.status === 'pass').length
	const failed = result.tests.filter((test) => test.status === 'fail' || test.status === 'error').length
	return commitToAttempt(attempt, now, async (tx, locked) => {
		const number = locked.runCount + 1
		const run = await tx.run.create({
			data: {
				attemptId: attempt.id,
				number,
				files: input.files,
				result: result as unknown as Prisma.InputJsonValue,
				status: result.status,
				passed,
				failed,
				hypothesisId,
				prediction: input.prediction ?? undefined,
				predictionCorrect,
				createdAt: now,
			},
			select: { id: true },
		})
		return {
			event: {
				type: 'run',
				data: {
					runId: run.id,
					number,
					status: result.status,
					passed,
					failed,
					hypothesisId: input.hypothesisId ?? null,
					prediction: input.prediction ?? null,
					predictionCorrect,
				},
			},
			code: input.files,
			changes: { runCount: number },
			value: { id: run.id, number, result, predictionCorrect, hypothesisId: input.hypothesisId ?? null, prediction: input.prediction ?? null, passed, failed },
		}
	})
}

/** The files and test files a run plays: the visible tests, or for an architecture exercise the scenarios of the learner's stage. */
async function runPlan(attempt: AttemptContext, files: Files, requestedStage: number | undefined) {
	const tests = attempt.version.visibleTests
	const { metadata } = attempt.version
	const architecture = metadata.kind === 'architecture' ? metadata.architecture : undefined
	if (!architecture) return { files: { ...files, ...tests }, testFiles: Object.keys(tests).sort() }
	if (requestedStage !== undefined && requestedStage !== attempt.stage) throw stageNotOpen(requestedStage, attempt.stage)
	const testFiles = runScenarioFiles(architecture, attempt.stage)
	const hidden = needsHiddenFiles(testFiles) ? await stageHiddenFiles(attempt.version.id, testFiles) : {}
	return { files: { ...files, ...tests, ...hidden }, testFiles }
}

/** The journal entry of the hypothesis a run tests; the browser names it by its own id. */
async function hypothesisTested(attemptId: string, clientId: string) {
	const hypothesis = await getPrisma().journalEntry.findFirst({ where: { attemptId, clientId, kind: 'hypothesis' }, select: { id: true } })
	if (!hypothesis) throw new AttemptError(400, 'The hypothesis this run tests is not in your journal yet. Wait a moment for it to save, then run again.')
	return hypothesis.id
}

/** One run's full result (for the output panel), only for its owner. */
export async function getRun(owner: AttemptOwner, attemptId: string, runId: string) {
	return getPrisma().run.findFirst({
		where: { id: runId, attemptId, attempt: { userId: owner.id, organizationId: owner.organizationId } },
		select: { id: true, number: true, result: true, files: true, prediction: true, predictionCorrect: true, createdAt: true },
	})
}
