// Flags: a learner says an exercise is broken, ambiguous or too easy; the organisation's
// leads and admins (who pass them on to the exercise's authors) see the open ones.
import type { FlagReason } from '#app/reviews/flags.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { notifyExerciseFlagged } from './notification-events.server.ts'

// Enough for a real report; more is almost certainly a paste of the code.
const MAX_OPEN_FLAGS_PER_PERSON = 20

export async function raiseFlag(
	owner: { id: string; organizationId: string },
	slug: string,
	input: { reason: FlagReason; comment: string; attemptId: string | null },
) {
	const prisma = getPrisma()
	const exercise = await prisma.exercise.findFirst({ where: { slug }, select: { id: true, slug: true, title: true } })
	if (!exercise) return { ok: false as const, status: 404 as const, message: 'There is no exercise with that name.' }
	const open = await prisma.exerciseFlag.count({ where: { organizationId: owner.organizationId, raisedById: owner.id, resolvedAt: null } })
	if (open >= MAX_OPEN_FLAGS_PER_PERSON)
		return { ok: false as const, status: 429 as const, message: `You have ${open} open flags. Wait until a lead has looked at them before raising more.` }
	// Only the learner's own attempt at this exercise may be linked.
	const attempt = input.attemptId
		? await prisma.attempt.findFirst({
				where: { id: input.attemptId, userId: owner.id, organizationId: owner.organizationId, exerciseId: exercise.id },
				select: { id: true },
			})
		: null
	// The flag and the notifications of the people who handle flags are stored together (ADR 031).
	const flag = await prisma.$transaction(async (tx) => {
		const created = await tx.exerciseFlag.create({
			data: {
				organizationId: owner.organizationId,
				exerciseId: exercise.id,
				raisedById: owner.id,
				attemptId: attempt?.id ?? null,
				reason: input.reason,
				comment: input.comment,
			},
			select: { id: true, raisedBy: { select: { name: true } } },
		})
		await notifyExerciseFlagged(tx, {
			organizationId: owner.organizationId,
			flagId: created.id,
			raiser: { id: owner.id, name: created.raisedBy?.name ?? 'Someone' },
			exercise,
			reason: input.reason,
		})
		return created
	})
	await recordAudit({
		organizationId: owner.organizationId,
		actorId: owner.id,
		action: 'exercise.flagged',
		targetType: 'Exercise',
		targetId: exercise.id,
		detail: { reason: input.reason },
	})
	return { ok: true as const, id: flag.id }
}

export function listOpenFlags(organizationId: string) {
	return getPrisma().exerciseFlag.findMany({
		where: { organizationId, resolvedAt: null },
		orderBy: { createdAt: 'desc' },
		take: 100,
		select: { id: true, reason: true, comment: true, createdAt: true, raisedBy: { select: { name: true } }, exercise: { select: { slug: true, title: true } } },
	})
}

/** Marks a flag handled: 'resolved', 'already' when someone did first, 'missing' when the organisation has no such flag. */
export async function resolveFlag(input: { organizationId: string; flagId: string; actorId: string; now?: Date }) {
	const prisma = getPrisma()
	const resolved = await prisma.exerciseFlag.updateMany({
		where: { id: input.flagId, organizationId: input.organizationId, resolvedAt: null },
		data: { resolvedAt: input.now ?? new Date(), resolvedById: input.actorId },
	})
	if (resolved.count) {
		await recordAudit({
			organizationId: input.organizationId,
			actorId: input.actorId,
			action: 'exercise.flag_resolved',
			targetType: 'ExerciseFlag',
			targetId: input.flagId,
		})
		return 'resolved' as const
	}
	const exists = await prisma.exerciseFlag.findFirst({ where: { id: input.flagId, organizationId: input.organizationId }, select: { id: true } })
	return exists ? ('already' as const) : ('missing' as const)
}
