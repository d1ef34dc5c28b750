// Who may touch an attempt: the person who started it, in their organisation. A request looks
// its attempt up here once and hands the context to the command; another person's attempt is
// simply not found.
import { stageOf, type Stage } from '#app/architecture/stages.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { versionContent, type ExerciseVersionContent } from './version.server.ts'

export type AttemptOwner = { id: string; organizationId: string }

/** A failure the caller caused, with the HTTP status and the message to show. */
export class AttemptError extends Error {
	constructor(
		readonly status: 400 | 404 | 409 | 413 | 429,
		message: string,
		readonly details: string[] = [],
	) {
		super(message)
	}
}

export function attemptNotFound() {
	return new AttemptError(404, 'This attempt does not exist, or it is not yours.')
}

declare const guarded: unique symbol

/**
 * An attempt as its owner's request found it. Only the guard below makes one, so a command
 * that receives it does not check ownership again; what can change meanwhile (the status, the
 * stage) the command checks again under the attempt's lock.
 */
export type AttemptContext = {
	readonly id: string
	readonly owner: AttemptOwner
	readonly status: 'in_progress' | 'solved' | 'gave_up'
	readonly stage: Stage
	readonly version: ExerciseVersionContent
	readonly [guarded]: true
}

/** The caller's attempt, or null when it is not theirs (for routes that answer their own 404). */
export async function findAttempt(owner: AttemptOwner, attemptId: string): Promise<AttemptContext | null> {
	const prisma = getPrisma()
	const attempt = await prisma.attempt.findFirst({
		where: { id: attemptId, userId: owner.id, organizationId: owner.organizationId },
		select: { status: true, stage: true, exerciseVersionId: true },
	})
	if (!attempt) return null
	const version = await versionContent(prisma, attempt.exerciseVersionId)
	return { id: attemptId, owner, status: attempt.status, stage: stageOf(attempt.stage), version } as AttemptContext
}

/** The caller's attempt, or a 404 AttemptError. */
export async function requireAttempt(owner: AttemptOwner, attemptId: string): Promise<AttemptContext> {
	const attempt = await findAttempt(owner, attemptId)
	if (!attempt) throw attemptNotFound()
	return attempt
}

export function requireInProgress(status: string) {
	if (status !== 'in_progress') {
		throw new AttemptError(409, 'This attempt is finished, so nothing more can be recorded on it. Start a new attempt from the exercise page.')
	}
}
