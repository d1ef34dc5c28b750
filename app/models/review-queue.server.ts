// The review queue as a lead narrows it: finished, unreviewed attempts of the people they
// review (reviewableAttemptsWhere), filtered by team, exercise, assigned or self-chosen and how
// long they have waited, with a count beside every choice; and the attempt that comes after
// one, for "Save and open the next". A fixed number of queries however many teams, exercises
// or attempts there are.
import type { Prisma } from '#app/generated/prisma/client.ts'
import { QUEUE_WAITING, waitingCutoff, type QueueQuery, type QueueWaiting } from '#app/reviews/queue-query.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { reviewableAttemptsWhere, reviewTeamsWhere, type Actor } from '#app/utils/permissions.server.ts'

type Filter = 'team' | 'exercise' | 'source' | 'waiting'

/** Everything waiting for the actor's review, before any filter. */
function waitingWhere(actor: Actor): Prisma.AttemptWhereInput {
	return { ...reviewableAttemptsWhere(actor), status: { not: 'in_progress' }, review: null }
}

/** The queue narrowed by the query's filters, leaving out `except` (to count that filter's choices). */
function queueWhere(actor: Actor, query: QueueQuery, now: Date, except?: Filter): Prisma.AttemptWhereInput {
	const and: Prisma.AttemptWhereInput[] = [waitingWhere(actor)]
	if (query.team && except !== 'team') and.push({ user: { memberships: { some: { teamId: query.team } } } })
	if (query.exercise && except !== 'exercise') and.push({ exercise: { slug: query.exercise } })
	if (query.source && except !== 'source') and.push({ assignmentId: query.source === 'assigned' ? { not: null } : null })
	if (query.waiting && except !== 'waiting') and.push({ finishedAt: { lt: waitingCutoff(query.waiting, now) } })
	return { AND: and }
}

function queueOrder(query: QueueQuery): Prisma.AttemptOrderByWithRelationInput[] {
	const direction = query.sort === 'newest' ? 'desc' : 'asc'
	return [{ finishedAt: direction }, { id: direction }]
}

/** An attempt as the queue and the recently reviewed list show it. */
export const queueRowSelect = {
	id: true,
	status: true,
	startedAt: true,
	finishedAt: true,
	runCount: true,
	submissionCount: true,
	failedFixCount: true,
	hintsRevealed: true,
	outsidePastes: true,
	user: { select: { id: true, name: true, memberships: { select: { teamId: true } } } },
	exercise: { select: { slug: true, title: true } },
	assignment: { select: { dueAt: true, team: { select: { name: true } } } },
	submissions: { orderBy: { number: 'desc' }, take: 1, select: { attested: true } },
} as const

/**
 * One page of the queue as the query narrows it (`take` rows, in the query's order), how many
 * match, how many wait in all, and each filter's choices with how many attempts each would
 * show together with the other filters as they are. `query` is the query as applied: a team
 * the actor does not review is dropped (`ignoredTeam`).
 */
export async function listFilteredReviewQueue(actor: Actor, asked: QueueQuery, now: Date, take = 100) {
	const prisma = getPrisma()
	const teams = await prisma.team.findMany({ where: reviewTeamsWhere(actor), orderBy: { name: 'asc' }, select: { id: true, name: true } })
	// A shared link may name a team the viewer does not review: it narrows nothing for them.
	const ignoredTeam = asked.team !== null && !teams.some((team) => team.id === asked.team)
	const query = ignoredTeam ? { ...asked, team: null } : asked
	const [rows, matching, waiting, byLearner, byExercise, sources, waits] = await Promise.all([
		prisma.attempt.findMany({ where: queueWhere(actor, query, now), orderBy: queueOrder(query), take, select: queueRowSelect }),
		prisma.attempt.count({ where: queueWhere(actor, query, now) }),
		prisma.attempt.count({ where: waitingWhere(actor) }),
		prisma.attempt.groupBy({ by: ['userId'], where: queueWhere(actor, query, now, 'team'), _count: { _all: true } }),
		prisma.attempt.groupBy({ by: ['exerciseId'], where: queueWhere(actor, query, now, 'exercise'), _count: { _all: true } }),
		Promise.all([
			prisma.attempt.count({ where: queueWhere(actor, query, now, 'source') }),
			prisma.attempt.count({ where: { AND: [queueWhere(actor, query, now, 'source'), { assignmentId: { not: null } }] } }),
		]),
		Promise.all([
			prisma.attempt.count({ where: queueWhere(actor, query, now, 'waiting') }),
			...QUEUE_WAITING.map((waiting) =>
				prisma.attempt.count({ where: { AND: [queueWhere(actor, query, now, 'waiting'), { finishedAt: { lt: waitingCutoff(waiting, now) } }] } }),
			),
		]),
	])
	// A learner in two of the teams counts in both: the team filter asks "is a member of".
	const [memberships, exercises] = await Promise.all([
		prisma.membership.findMany({
			where: { userId: { in: byLearner.map((group) => group.userId) }, teamId: { in: teams.map((team) => team.id) } },
			select: { userId: true, teamId: true },
		}),
		prisma.exercise.findMany({
			where: { OR: [{ id: { in: byExercise.map((group) => group.exerciseId) } }, ...(query.exercise ? [{ slug: query.exercise }] : [])] },
			orderBy: { title: 'asc' },
			select: { id: true, slug: true, title: true },
		}),
	])
	const perLearner = new Map(byLearner.map((group) => [group.userId, group._count._all]))
	const perTeam = new Map<string, number>()
	for (const membership of memberships) perTeam.set(membership.teamId, (perTeam.get(membership.teamId) ?? 0) + (perLearner.get(membership.userId) ?? 0))
	const perExercise = new Map(byExercise.map((group) => [group.exerciseId, group._count._all]))
	const [sourceTotal, assigned] = sources
	const [waitingTotal, ...waitingLonger] = waits
	return {
		query,
		ignoredTeam,
		rows,
		matching,
		waiting,
		choices: {
			team: {
				any: byLearner.reduce((sum, group) => sum + group._count._all, 0),
				options: teams.map((team) => ({ value: team.id, label: team.name, count: perTeam.get(team.id) ?? 0 })),
			},
			exercise: {
				any: byExercise.reduce((sum, group) => sum + group._count._all, 0),
				options: exercises.map((exercise) => ({ value: exercise.slug, label: exercise.title, count: perExercise.get(exercise.id) ?? 0 })),
			},
			source: { any: sourceTotal, assigned, self: sourceTotal - assigned },
			waiting: { any: waitingTotal!, ...(Object.fromEntries(QUEUE_WAITING.map((key, index) => [key, waitingLonger[index]!])) as Record<QueueWaiting, number>) },
		},
	}
}

export type FilteredReviewQueue = Awaited<ReturnType<typeof listFilteredReviewQueue>>
export type ReviewQueueRow = FilteredReviewQueue['rows'][number]

/**
 * The attempt after `current` in the queue as the query narrows and orders it, wrapping round
 * to the first when `current` was the last (so attempts skipped earlier come back); null when
 * nothing else is waiting. `current` itself is never the answer.
 */
export async function findNextInQueue(actor: Actor, query: QueueQuery, now: Date, current: { id: string; finishedAt: Date | null }) {
	const prisma = getPrisma()
	const where = { AND: [queueWhere(actor, query, now), { id: { not: current.id } }] }
	const orderBy = queueOrder(query)
	if (current.finishedAt) {
		const later = query.sort === 'newest' ? 'lt' : 'gt'
		const after = await prisma.attempt.findFirst({
			where: {
				AND: [where, { OR: [{ finishedAt: { [later]: current.finishedAt } }, { finishedAt: current.finishedAt, id: { [later]: current.id } }] }],
			},
			orderBy,
			select: { id: true },
		})
		if (after) return after.id
	}
	return (await prisma.attempt.findFirst({ where, orderBy, select: { id: true } }))?.id ?? null
}

/** How many attempts wait in the queue as the query narrows it, besides `attemptId`. */
export function countOthersInQueue(actor: Actor, query: QueueQuery, now: Date, attemptId: string) {
	return getPrisma().attempt.count({ where: { AND: [queueWhere(actor, query, now), { id: { not: attemptId } }] } })
}

/** Attempts the actor's people are working on now, most recently active first: each opens read-only. */
export function listAttemptsInProgress(actor: Actor, take = 10) {
	return getPrisma().attempt.findMany({
		where: { ...reviewableAttemptsWhere(actor), status: 'in_progress' },
		orderBy: [{ lastActiveAt: 'desc' }, { id: 'asc' }],
		take,
		select: {
			id: true,
			startedAt: true,
			lastActiveAt: true,
			runCount: true,
			user: { select: { id: true, name: true, memberships: { select: { teamId: true } } } },
			exercise: { select: { title: true } },
			assignment: { select: { team: { select: { name: true } } } },
		},
	})
}
