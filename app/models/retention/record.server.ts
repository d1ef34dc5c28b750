// The write path of retention (ADR 026). When an attempt at a variant the learner had not met
// finishes, its family's card is reviewed with the outcome (app/retention/schedule.ts), in the
// transaction that finishes the attempt. When an attempt at an unseen variant starts while the
// family's card is due, it is recorded as a retention check, so the report can compare it with
// the attempt it re-tests.
import type { Prisma } from '#app/generated/prisma/client.ts'
import { familyLabel } from '#app/retention/family-label.ts'
import { scheduleNextCheck, type FamilyCard } from '#app/retention/schedule.ts'

type Tx = Prisma.TransactionClient
const DAY_MS = 86_400_000

const CARD_SELECT = {
	id: true,
	due: true,
	stability: true,
	difficulty: true,
	reps: true,
	lapses: true,
	state: true,
	lastReview: true,
	scheduledDays: true,
} as const

/** Whether the learner attempted this exercise before `attempt` (by start), i.e. had already seen the variant. */
async function seenBefore(tx: Tx, attempt: { id: string; userId: string; exerciseId: string; startedAt: Date }) {
	const earlier = await tx.attempt.findFirst({
		where: {
			userId: attempt.userId,
			exerciseId: attempt.exerciseId,
			id: { not: attempt.id },
			OR: [{ startedAt: { lt: attempt.startedAt } }, { startedAt: attempt.startedAt, id: { lt: attempt.id } }],
		},
		select: { id: true },
	})
	return earlier !== null
}

/**
 * Reviews the family card of a finished attempt. Does nothing for architecture exercises, for
 * unfinished attempts, for a retry of a variant already met (the lesson is no longer unseen),
 * or when the card already took this attempt. Call inside the transaction that finishes it.
 */
export async function reviewFamilyCard(tx: Tx, attemptId: string): Promise<void> {
	const attempt = await tx.attempt.findUnique({
		where: { id: attemptId },
		select: {
			id: true,
			organizationId: true,
			userId: true,
			exerciseId: true,
			status: true,
			startedAt: true,
			finishedAt: true,
			hintsRevealed: true,
			failedFixCount: true,
			exercise: { select: { family: true } },
		},
	})
	const family = attempt?.exercise.family
	if (!attempt || !family || attempt.status === 'in_progress' || !attempt.finishedAt) return
	if (await seenBefore(tx, attempt)) return
	// Locks the learner's card for the family so two variants finishing at once queue.
	await tx.$executeRaw`SELECT 1 FROM "RetentionCard" WHERE "userId" = ${attempt.userId} AND "family" = ${family} FOR UPDATE`
	const stored = await tx.retentionCard.findUnique({
		where: { userId_family: { userId: attempt.userId, family } },
		select: { ...CARD_SELECT, lastAttemptId: true },
	})
	if (stored?.lastAttemptId === attempt.id) return
	const outcome = { solved: attempt.status === 'solved', hintsRevealed: attempt.hintsRevealed, failedFixes: attempt.failedFixCount }
	const next = scheduleNextCheck(stored ? toCard(stored) : null, outcome, attempt.finishedAt, familyLabel(family))
	const data = { ...next.card, reason: next.reason, lastAttemptId: attempt.id }
	await tx.retentionCard.upsert({
		where: { userId_family: { userId: attempt.userId, family } },
		create: { organizationId: attempt.organizationId, userId: attempt.userId, family, ...data },
		update: data,
		select: { id: true },
	})
}

/**
 * Records a just-started attempt as a retention check when it is the learner's first attempt at
 * a variant whose family card is due, and checks are on for the learner (no team of theirs
 * turned them off). Returns whether it was one.
 */
export async function recordCheckIfDue(tx: Tx, attemptId: string, now: Date): Promise<boolean> {
	const attempt = await tx.attempt.findUnique({
		where: { id: attemptId },
		select: { id: true, organizationId: true, userId: true, exerciseId: true, startedAt: true, exercise: { select: { family: true } } },
	})
	const family = attempt?.exercise.family
	if (!attempt || !family) return false
	const card = await tx.retentionCard.findUnique({
		where: { userId_family: { userId: attempt.userId, family } },
		select: { due: true, lastReview: true, lastAttemptId: true },
	})
	if (!card || card.due > now || (await seenBefore(tx, attempt)) || !(await checksOnFor(tx, attempt.userId))) return false
	const since = card.lastReview ?? card.due
	await tx.retentionCheck.create({
		data: {
			attemptId: attempt.id,
			organizationId: attempt.organizationId,
			userId: attempt.userId,
			family,
			dueAt: card.due,
			intervalDays: Math.max(0, Math.round((now.getTime() - since.getTime()) / DAY_MS)),
			previousAttemptId: card.lastAttemptId,
		},
		select: { attemptId: true },
	})
	return true
}

/** Checks are served unless a team the learner belongs to turned them off. */
export async function checksOnFor(db: Pick<Tx, 'membership'>, userId: string): Promise<boolean> {
	const off = await db.membership.count({ where: { userId, team: { retentionChecks: false } } })
	return off === 0
}

function toCard(row: {
	due: Date
	stability: number
	difficulty: number
	reps: number
	lapses: number
	state: number
	lastReview: Date | null
	scheduledDays: number
}): FamilyCard {
	return {
		due: row.due,
		stability: row.stability,
		difficulty: row.difficulty,
		reps: row.reps,
		lapses: row.lapses,
		state: row.state,
		lastReview: row.lastReview,
		scheduledDays: row.scheduledDays,
	}
}
