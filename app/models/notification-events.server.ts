// The notifications of events, stored in the event's own transaction (ADR 031): an exercise
// assigned, an attempt reviewed, an exercise flagged. The time-based kinds are in notification-job.server.ts.
import type { FlagReason } from '#app/reviews/flags.ts'
import { notificationText } from '#app/notifications/messages.ts'
import { flagRecipients, notificationKey } from '#app/notifications/recipients.ts'
import { notify, type Db } from './notification.server.ts'

/**
 * Tells the people an assignment is for that it was given: the chosen members, or the team's
 * learners for a whole-team assignment. Not the lead who assigned it.
 */
export async function notifyAssignmentsGiven(
	db: Db,
	input: {
		organizationId: string
		teamId: string
		actorId: string
		dueAt: Date
		/** memberIds null: the whole team. */
		assignments: ReadonlyArray<{ id: string; title: string; slug: string; memberIds: readonly string[] | null }>
	},
) {
	if (input.assignments.length === 0) return
	const team = await db.team.findFirstOrThrow({
		where: { id: input.teamId, organizationId: input.organizationId },
		select: { name: true, memberships: { where: { role: 'learner' }, select: { userId: true } } },
	})
	const learners = team.memberships.map((membership) => membership.userId)
	const items = input.assignments.flatMap((assignment) =>
		(assignment.memberIds ?? learners)
			.filter((userId) => userId !== input.actorId)
			.map((userId) => ({
				userId,
				kind: 'assignment_given' as const,
				key: notificationKey('assignment_given', assignment.id, userId),
				text: notificationText({ kind: 'assignment_given', exerciseTitle: assignment.title, teamName: team.name, dueAt: input.dueAt }),
				link: `/exercises/${assignment.slug}`,
				exerciseTitle: assignment.title,
			})),
	)
	await notify(db, input.organizationId, items)
}

/** Tells the learner their attempt was reviewed, once per version of the review. */
export async function notifyAttemptReviewed(
	db: Db,
	input: { organizationId: string; attemptId: string; reviewerId: string; percent: number; version: number },
) {
	const [attempt, reviewer] = await Promise.all([
		db.attempt.findFirstOrThrow({
			where: { id: input.attemptId, organizationId: input.organizationId },
			select: { userId: true, exercise: { select: { title: true } } },
		}),
		db.user.findFirst({ where: { id: input.reviewerId, organizationId: input.organizationId }, select: { name: true } }),
	])
	await notify(db, input.organizationId, [
		{
			userId: attempt.userId,
			kind: 'attempt_reviewed',
			key: notificationKey('attempt_reviewed', input.attemptId, attempt.userId, input.version),
			text: notificationText({
				kind: 'attempt_reviewed',
				exerciseTitle: attempt.exercise.title,
				reviewerName: reviewer?.name ?? 'A lead',
				percent: input.percent,
				updated: input.version > 1,
			}),
			link: `/attempts/${input.attemptId}`,
			exerciseTitle: attempt.exercise.title,
		},
	])
}

/** Tells the organisation's leads and admins, who see the open flags, that an exercise was flagged. */
export async function notifyExerciseFlagged(
	db: Db,
	input: { organizationId: string; flagId: string; raiser: { id: string; name: string }; exercise: { slug: string; title: string }; reason: FlagReason },
) {
	const people = await db.user.findMany({
		where: { organizationId: input.organizationId, OR: [{ orgRole: 'admin' }, { memberships: { some: { role: 'lead' } } }] },
		select: { id: true, orgRole: true, memberships: { where: { role: 'lead' }, select: { id: true }, take: 1 } },
	})
	const recipients = flagRecipients(
		input.raiser.id,
		people.map((person) => ({ id: person.id, orgRole: person.orgRole, leadsATeam: person.memberships.length > 0 })),
	)
	const text = notificationText({ kind: 'exercise_flagged', exerciseTitle: input.exercise.title, raiserName: input.raiser.name, reason: input.reason })
	await notify(
		db,
		input.organizationId,
		recipients.map((userId) => ({
			userId,
			kind: 'exercise_flagged' as const,
			key: notificationKey('exercise_flagged', input.flagId, userId),
			text,
			link: '/reviews',
			exerciseTitle: input.exercise.title,
		})),
	)
}
