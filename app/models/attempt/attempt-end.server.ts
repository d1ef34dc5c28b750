// What an attempt shows and records once it has ended: the reference design of an
// architecture exercise (read only for a finished attempt, so it cannot reach a page earlier)
// and the learner's attestation that the work was unaided.
import type { Files } from '#app/attempts/code-history.ts'
import { srcPathOfSolutionFile } from '#app/exercises/exercise-folder.ts'
import type { ExerciseMetadata } from '#app/exercises/schema.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { AttemptError, type AttemptContext, type AttemptOwner } from './guard.server.ts'
import { attemptTransaction, lockAttempt } from './kernel.server.ts'

export type ReferenceDesign = {
	/** The files of the reference design, under the src/ paths they replace, sorted. */
	files: Array<{ path: string; text: string }>
}

/**
 * The reference design of a finished architecture attempt, or null: while the attempt is in
 * progress (the query itself asks for a finished attempt), for a debugging exercise (its
 * reference is the explanation alone) and for someone else's attempt.
 */
export async function getReferenceDesign(owner: AttemptOwner, attemptId: string): Promise<ReferenceDesign | null> {
	const attempt = await getPrisma().attempt.findFirst({
		where: { id: attemptId, userId: owner.id, organizationId: owner.organizationId, status: { not: 'in_progress' } },
		select: { exerciseVersion: { select: { metadata: true, solution: true } } },
	})
	if (!attempt || (attempt.exerciseVersion.metadata as ExerciseMetadata).kind !== 'architecture') return null
	const solution = attempt.exerciseVersion.solution as Files
	return {
		files: Object.keys(solution)
			.sort()
			.map((path) => ({ path: srcPathOfSolutionFile(path), text: solution[path]! })),
	}
}

/** Whether the learner can still attest a finished architecture attempt, or already has. */
export type Attestation = 'not-applicable' | 'open' | 'attested'

export async function getAttestation(attemptId: string): Promise<Attestation> {
	const last = await getPrisma().stageSubmission.findFirst({ where: { attemptId }, orderBy: { number: 'desc' }, select: { attested: true } })
	return !last ? 'not-applicable' : last.attested ? 'attested' : 'open'
}

/**
 * Records that the learner worked on a finished architecture attempt without AI assistance.
 * It is kept on the last stage submission, as a diagnosis keeps it, and the outcome stored
 * when the attempt ended learns it too, so the attempt can count as independent. Attesting
 * twice changes nothing.
 */
export async function attestUnaided(attempt: AttemptContext): Promise<void> {
	if (attempt.version.metadata.kind !== 'architecture') {
		throw new AttemptError(400, 'A diagnosis is attested when you submit it; there is nothing more to attest here.')
	}
	await attemptTransaction(async (tx) => {
		const locked = await lockAttempt(tx, attempt.id)
		if (locked.status === 'in_progress') {
			throw new AttemptError(409, 'Attest once the attempt has ended: submit the final stage, or give up, first.')
		}
		const last = await tx.stageSubmission.findFirst({ where: { attemptId: attempt.id }, orderBy: { number: 'desc' }, select: { id: true, attested: true } })
		if (!last) throw new AttemptError(409, 'No stage was handed in on this attempt, so there is no work to attest.')
		if (last.attested) return
		await tx.stageSubmission.update({ where: { id: last.id }, data: { attested: true }, select: { id: true } })
		await tx.$executeRaw`
			UPDATE "AttemptMetrics" SET "attested" = true, "independent" = ("hintsUsed" = 0 AND "outsidePastes" = 0)
			WHERE "attemptId" = ${attempt.id}`
	})
}
