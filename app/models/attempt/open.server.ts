// Starting an attempt: the learner's unfinished one at the exercise if there is one, otherwise
// a new one on the exercise's current version, under the rules of the assignment it counts for.
import type { Files } from '#app/attempts/code-history.ts'
import { srcFiles } from '#app/attempts/files.ts'
import { assignedTo } from '#app/models/assignment.server.ts'
import { recordCheckIfDue } from '#app/models/retention/record.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { AttemptError, type AttemptOwner } from './guard.server.ts'

/**
 * Opens an attempt at an exercise: the learner's unfinished one if there is one, otherwise a
 * new attempt on the exercise's current version, under the rules of an assignment that asks
 * for it (the earliest due), or the default rules.
 */
export async function startAttempt(owner: AttemptOwner, slug: string, now = new Date()) {
	const prisma = getPrisma()
	const exercise = await prisma.exercise.findFirst({
		where: { slug, retiredAt: null, currentVersionId: { not: null } },
		select: { id: true, currentVersion: { select: { id: true, publicFiles: true } } },
	})
	if (!exercise?.currentVersion) throw new AttemptError(404, 'There is no exercise with that name.')
	const open = await prisma.attempt.findFirst({
		where: { userId: owner.id, organizationId: owner.organizationId, exerciseId: exercise.id, status: 'in_progress' },
		orderBy: { startedAt: 'desc' },
		select: { id: true },
	})
	if (open) return { id: open.id, resumed: true }
	const assignment = await findAssignmentFor(owner, exercise.id, now)
	const attempt = await prisma.attempt.create({
		data: {
			organizationId: owner.organizationId,
			userId: owner.id,
			exerciseId: exercise.id,
			exerciseVersionId: exercise.currentVersion.id,
			assignmentId: assignment?.id ?? null,
			hintsAllowed: assignment?.hintsAllowed ?? true,
			pasteBlocked: assignment?.pasteBlocked ?? false,
			hardMode: assignment?.hardMode ?? false,
			draft: srcFiles(exercise.currentVersion.publicFiles as Files),
			startedAt: now,
			lastActiveAt: now,
			eventCount: 1,
			events: { create: { position: 1, type: 'started', at: now, data: { assignmentId: assignment?.id ?? null } } },
		},
		select: { id: true },
	})
	await recordCheckIfDue(prisma, attempt.id, now)
	return { id: attempt.id, resumed: false }
}

/** The assignment an attempt at this exercise counts for: the next one due, else the one overdue most recently. */
export async function findAssignmentFor(owner: AttemptOwner, exerciseId: string, now = new Date()) {
	const assignments = await getPrisma().assignment.findMany({
		where: { ...assignedTo(owner), exerciseId, cancelledAt: null },
		orderBy: { dueAt: 'asc' },
		take: 20,
		select: { id: true, dueAt: true, hintsAllowed: true, pasteBlocked: true, hardMode: true },
	})
	return assignments.find((assignment) => assignment.dueAt >= now) ?? assignments.at(-1) ?? null
}
