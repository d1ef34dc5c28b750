// Submitting a diagnosis of a debugging exercise: the picked lines, the category and the fix,
// graded with the hidden tests. A wrong diagnosis is feedback, and the attempt goes on.
import type { Files } from '#app/attempts/code-history.ts'
import { checkPickedLines } from '#app/attempts/files.ts'
import { gradeDiagnosis } from '#app/attempts/grading.ts'
import type { Diagnosis } from '#app/attempts/submission.ts'
import { AttemptError, type AttemptContext } from './guard.server.ts'
import { commitToAttempt, playInSandbox, requireRunnable } from './kernel.server.ts'
import { hiddenTestsOf } from './version.server.ts'

export type DiagnosisInput = Omit<Diagnosis, 'files' | 'attested'> & { files: Files; attested: boolean }

/** Grades a diagnosis with the hidden tests. A wrong one is feedback, and the attempt goes on. */
export async function submitDiagnosis(attempt: AttemptContext, diagnosis: DiagnosisInput, now = new Date()) {
	requireRunnable(attempt, diagnosis.files)
	const { metadata, starter, visibleTests } = attempt.version
	if (metadata.kind === 'architecture') {
		throw new AttemptError(400, 'An architecture exercise is submitted stage by stage, with its decision record, not with a diagnosis.')
	}
	const problem = checkPickedLines(diagnosis, diagnosis.files, starter)
	if (problem) throw new AttemptError(problem.status, problem.message)
	const tests = { ...visibleTests, ...(await hiddenTestsOf(attempt.version.id)) }
	const result = await playInSandbox(attempt, { files: { ...diagnosis.files, ...tests }, testFiles: Object.keys(tests).sort() }, 'submit')
	const picked = { file: diagnosis.file, startLine: diagnosis.startLine, endLine: diagnosis.endLine }
	const grade = gradeDiagnosis({
		picked,
		category: diagnosis.category,
		starterFiles: starter,
		submittedFiles: diagnosis.files,
		rootCause: metadata.rootCause,
		result,
	})
	return commitToAttempt(attempt, now, async (tx, locked) => {
		const number = locked.submissionCount + 1
		const submission = await tx.submission.create({
			data: {
				attemptId: attempt.id,
				number,
				...picked,
				category: diagnosis.category,
				explanation: diagnosis.explanation,
				files: diagnosis.files,
				attested: diagnosis.attested,
				...grade,
				createdAt: now,
			},
			select: { id: true },
		})
		return {
			event: { type: 'submission', data: { submissionId: submission.id, number, location: picked, category: diagnosis.category, ...grade } },
			code: diagnosis.files,
			changes: { submissionCount: number, failedFixCount: grade.fixCorrect ? locked.failedFixCount : locked.failedFixCount + 1 },
			finished: grade.correct ? 'solved' : undefined,
			value: { id: submission.id, number, ...grade },
		}
	})
}
