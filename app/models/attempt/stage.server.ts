// Architecture attempts hand in their design stage by stage, with the decision record
// (ADR 012). Stage 2's material stays on the server until stage 1 is submitted.
import type { Files } from '#app/attempts/code-history.ts'
import { checkDecisionRecord, DecisionRecordDraftSchema, isComplete, type DecisionRecord } from '#app/architecture/decision-record.ts'
import { gradeStage, gradingScenarioFiles, stageOf, type Stage } from '#app/architecture/stages.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { AttemptError, type AttemptContext } from './guard.server.ts'
import { commitToAttempt, playInSandbox, requireRunnable } from './kernel.server.ts'
import { stageHiddenFiles } from './version.server.ts'

export function stageNotOpen(requested: number, current: Stage) {
	return requested > current
		? new AttemptError(
				409,
				`Stage ${requested} opens once you have submitted stage ${current}: submit your design and decision record for stage ${current} first.`,
			)
		: new AttemptError(409, `Stage ${requested} is already submitted; you are on stage ${current} now. Reload the page to see it.`)
}

/**
 * Hands in a stage of an architecture attempt: the decision record must be complete for the
 * stage, and every scenario of the stages so far (hidden grading ones included) plays against
 * the design. Submitting stage 1 opens stage 2 whatever it measured — the learner lives with
 * the design they submitted; stage 2 passing every scenario solves the attempt. A stage that
 * misses a threshold counts as a failed change, like a fix that fails the hidden tests.
 */
export async function submitStage(attempt: AttemptContext, input: { stage: number; files: Files; record: DecisionRecord }, now = new Date()) {
	requireRunnable(attempt, input.files)
	const { metadata } = attempt.version
	const architecture = metadata.kind === 'architecture' ? metadata.architecture : undefined
	if (!architecture) throw new AttemptError(400, 'This exercise has no stages; submit a diagnosis instead.')
	if (input.stage !== attempt.stage) throw stageNotOpen(input.stage, attempt.stage)
	const stage = attempt.stage
	const record = stage === 2 ? await withStageOneAsSubmitted(attempt.id, input.record) : input.record
	const missing = checkDecisionRecord(record, stage)
	if (!isComplete(missing)) {
		const messages = Object.values(missing).filter((message): message is string => Boolean(message))
		throw new AttemptError(400, 'The decision record is not complete yet.', messages)
	}
	const testFiles = gradingScenarioFiles(architecture, stage)
	const hidden = await stageHiddenFiles(attempt.version.id, testFiles)
	const result = await playInSandbox(attempt, { files: { ...input.files, ...attempt.version.visibleTests, ...hidden }, testFiles }, 'submit')
	const grade = gradeStage(result)
	return commitToAttempt(attempt, now, async (tx, locked) => {
		if (locked.stage !== stage) throw stageNotOpen(stage, stageOf(locked.stage))
		const number = locked.submissionCount + 1
		const solved = stage === 2 && grade.passed
		const submission = await tx.stageSubmission.create({
			data: {
				attemptId: attempt.id,
				stage,
				number,
				files: input.files,
				record,
				scenarios: grade.scenarios as unknown as Prisma.InputJsonValue,
				scenariosPassed: grade.scenariosPassed,
				scenariosTotal: grade.scenariosTotal,
				passed: grade.passed,
				createdAt: now,
			},
			select: { id: true },
		})
		return {
			event: {
				type: 'stage.submitted',
				data: {
					submissionId: submission.id,
					stage,
					number,
					passed: grade.passed,
					scenariosPassed: grade.scenariosPassed,
					scenariosTotal: grade.scenariosTotal,
					record,
				},
			},
			code: input.files,
			changes: {
				submissionCount: number,
				failedFixCount: grade.passed ? locked.failedFixCount : locked.failedFixCount + 1,
				decisionRecord: record,
				stage: 2,
			},
			finished: solved ? 'solved' : undefined,
			value: { id: submission.id, number, stage, unlocked: stage === 1, solved, ...grade },
		}
	})
}

/**
 * From stage 2 on, the record's first four sections are the ones stage 1 handed in: that is the
 * decision the learner lives with, read-only in the workspace. Only the follow-up is new.
 */
async function withStageOneAsSubmitted(attemptId: string, draft: DecisionRecord): Promise<DecisionRecord> {
	const stageOne = await getPrisma().stageSubmission.findFirst({ where: { attemptId, stage: 1 }, orderBy: { number: 'desc' }, select: { record: true } })
	const submitted = DecisionRecordDraftSchema.safeParse(stageOne?.record)
	return submitted.success ? { ...submitted.data, followUp: draft.followUp } : draft
}
