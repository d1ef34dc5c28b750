// The lead's overview, the read model of the dashboard for someone who leads teams (or runs the
// organisation): their teams, overdue assignments, attempts waiting for review, recent finishes
// and open flags. Every query is scoped with the permission module's where-builders; the
// number of queries does not grow with the number of teams, assignments or attempts.
import { openDueAfter } from '#app/assignments/closure.ts'
import { overdueAssignments, wholeDaysSince, type OverdueAssignment } from '#app/assignments/overdue.ts'
import type { ProgressAttempt } from '#app/assignments/progress.ts'
import { teamLearningSummary } from '#app/growth/team-learning-summary.ts'
import { teamCalibrations } from '#app/models/growth/calibration.server.ts'
import { getTeamRetentionReports } from '#app/models/retention/report.server.ts'
import type { FlagReason } from '#app/reviews/flags.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { growthVisibleUsersWhere, isOrgAdmin, listedTeamsWhere, mayLeadTeam, reviewableAttemptsWhere, type Actor } from '#app/utils/permissions.server.ts'

/** How many rows each list shows; the rest are counted and one link away. */
export const OVERVIEW_LIST_LIMIT = 8

/** A person as the overview names them; `profile` says whether the viewer may open their profile. */
export type OverviewPerson = { id: string; name: string; profile: boolean }

export type LedTeam = { id: string; name: string }

/** An actor whose session also knows their teams' names. */
type LeadActor = Omit<Actor, 'teams'> & { teams: ReadonlyArray<Actor['teams'][number] & { name: string }> }

/**
 * The teams someone runs: the ones they lead (from their session, no query), every team of the
 * organisation for an admin, who runs teams without being in them.
 */
export async function listLedTeams(actor: LeadActor): Promise<LedTeam[]> {
	if (!isOrgAdmin(actor)) return actor.teams.filter((team) => mayLeadTeam(actor, team.id)).map((team) => ({ id: team.id, name: team.name }))
	return getPrisma().team.findMany({ where: listedTeamsWhere(actor), orderBy: { name: 'asc' }, select: { id: true, name: true } })
}

const finishedAttemptSelect = {
	id: true,
	status: true,
	finishedAt: true,
	user: { select: { id: true, name: true } },
	exercise: { select: { slug: true, title: true } },
	assignment: { select: { team: { select: { name: true } } } },
} as const

export async function getLeadOverview(actor: Actor, now: Date) {
	const prisma = getPrisma()
	const waitingWhere = { ...reviewableAttemptsWhere(actor), status: { not: 'in_progress' as const }, review: null }
	const [teamRows, assignments, waitingCount, waiting, recent, flagCount, flags] = await Promise.all([
		prisma.team.findMany({
			where: listedTeamsWhere(actor),
			orderBy: { name: 'asc' },
			select: { id: true, name: true, memberships: { orderBy: { user: { name: 'asc' } }, select: { role: true, user: { select: { id: true, name: true } } } } },
		}),
		// The assignments still open in the actor's teams (those they are in but do not lead are dropped below):
		// anything due before the grace period has closed by itself (assignments/closure.ts).
		prisma.assignment.findMany({
			where: { organizationId: actor.organizationId, cancelledAt: null, closedAt: null, dueAt: { gte: openDueAfter(now) }, team: listedTeamsWhere(actor) },
			select: {
				id: true,
				teamId: true,
				exerciseId: true,
				createdAt: true,
				dueAt: true,
				cancelledAt: true,
				closedAt: true,
				wholeTeam: true,
				members: { select: { user: { select: { id: true, name: true } } } },
				exercise: { select: { slug: true, title: true } },
			},
		}),
		prisma.attempt.count({ where: waitingWhere }),
		prisma.attempt.findMany({
			where: waitingWhere,
			orderBy: [{ finishedAt: 'asc' }, { id: 'asc' }],
			take: OVERVIEW_LIST_LIMIT,
			select: finishedAttemptSelect,
		}),
		prisma.attempt.findMany({
			where: { ...reviewableAttemptsWhere(actor), status: { not: 'in_progress' } },
			orderBy: [{ finishedAt: 'desc' }, { id: 'asc' }],
			take: OVERVIEW_LIST_LIMIT,
			select: { ...finishedAttemptSelect, review: { select: { percent: true } } },
		}),
		prisma.exerciseFlag.count({ where: { organizationId: actor.organizationId, resolvedAt: null } }),
		prisma.exerciseFlag.findMany({
			where: { organizationId: actor.organizationId, resolvedAt: null },
			orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
			take: 5,
			select: {
				id: true,
				reason: true,
				comment: true,
				createdAt: true,
				raisedBy: { select: { id: true, name: true } },
				exercise: { select: { slug: true, title: true } },
			},
		}),
	])

	const teams = teamRows.filter((team) => mayLeadTeam(actor, team.id))
	const led = new Set(teams.map((team) => team.id))
	const running = assignments.filter((assignment) => led.has(assignment.teamId))
	const learnersByTeam = new Map(teams.map((team) => [team.id, team.memberships.filter((m) => m.role === 'learner').map((m) => m.user)]))
	const candidates = running.map((assignment) => ({ ...assignment, members: assignment.members.map((member) => member.user) }))
	const pastDue = candidates.filter((assignment) => assignment.dueAt < now)
	const learnerIds = teams.map((team) => ({ id: team.id, userIds: (learnersByTeam.get(team.id) ?? []).map((learner) => learner.id) }))
	const [attemptsByUser, retentionByTeam, calibrationByTeam] = await Promise.all([
		attemptsForStandings(actor.organizationId, pastDue, learnersByTeam),
		getTeamRetentionReports(prisma, actor.organizationId, learnerIds),
		teamCalibrations(actor.organizationId, learnerIds),
	])
	const overdue = overdueAssignments(pastDue, learnersByTeam, attemptsByUser, now)

	// One query says whose profile the viewer may open, for everyone any list names.
	const named = new Set<string>()
	for (const row of [...waiting, ...recent]) named.add(row.user.id)
	for (const assignment of overdue) for (const row of assignment.behind) named.add(row.person.id)
	for (const flag of flags) if (flag.raisedBy) named.add(flag.raisedBy.id)
	const visible = named.size
		? new Set(
				(await prisma.user.findMany({ where: { AND: [growthVisibleUsersWhere(actor), { id: { in: [...named] } }] }, select: { id: true } })).map(
					(user) => user.id,
				),
			)
		: new Set<string>()
	const person = (user: { id: string; name: string }): OverviewPerson => ({ id: user.id, name: user.name, profile: visible.has(user.id) })
	const teamName = new Map(teams.map((team) => [team.id, team.name]))
	const overdueByTeam = countBy(overdue.map((assignment) => assignment.teamId))
	const upcomingByTeam = countBy(running.filter((assignment) => assignment.dueAt >= now).map((assignment) => assignment.teamId))

	return {
		teams: teams.map((team) => ({
			id: team.id,
			name: team.name,
			members: team.memberships.length,
			learners: learnersByTeam.get(team.id)?.length ?? 0,
			openAssignments: upcomingByTeam.get(team.id) ?? 0,
			overdueAssignments: overdueByTeam.get(team.id) ?? 0,
			learning: teamLearningSummary(retentionByTeam.get(team.id)!, calibrationByTeam.get(team.id)!),
		})),
		overdue: {
			total: overdue.length,
			assignments: overdue.slice(0, OVERVIEW_LIST_LIMIT).map((assignment: OverdueAssignment) => ({
				id: assignment.id,
				teamId: assignment.teamId,
				teamName: teamName.get(assignment.teamId) ?? '',
				exercise: assignment.exercise,
				dueAt: assignment.dueAt,
				audienceSize: assignment.audienceSize,
				behind: assignment.behind.map((row) => ({ person: person(row.person), progress: row.progress })),
			})),
		},
		waiting: {
			total: waitingCount,
			attempts: waiting.map((attempt) => ({
				id: attempt.id,
				status: attempt.status,
				finishedAt: attempt.finishedAt,
				waitingDays: attempt.finishedAt ? wholeDaysSince(attempt.finishedAt, now) : 0,
				person: person(attempt.user),
				exercise: attempt.exercise,
				teamName: attempt.assignment?.team.name ?? null,
			})),
		},
		recent: recent.map((attempt) => ({
			id: attempt.id,
			status: attempt.status,
			finishedAt: attempt.finishedAt,
			person: person(attempt.user),
			exercise: attempt.exercise,
			teamName: attempt.assignment?.team.name ?? null,
			reviewPercent: attempt.review?.percent ?? null,
		})),
		flags: {
			total: flagCount,
			open: flags.map((flag) => ({
				id: flag.id,
				reason: flag.reason as FlagReason,
				comment: flag.comment,
				createdAt: flag.createdAt,
				raisedBy: flag.raisedBy ? person(flag.raisedBy) : null,
				exercise: flag.exercise,
			})),
		},
	}
}

export type LeadOverview = Awaited<ReturnType<typeof getLeadOverview>>

/** The attempts that decide who is behind on past-due assignments: one query for all of them. */
async function attemptsForStandings(
	organizationId: string,
	assignments: ReadonlyArray<{ exerciseId: string; createdAt: Date; wholeTeam: boolean; teamId: string; members: Array<{ id: string }> }>,
	learnersByTeam: ReadonlyMap<string, ReadonlyArray<{ id: string }>>,
) {
	const byUser = new Map<string, ProgressAttempt[]>()
	if (assignments.length === 0) return byUser
	const people = new Set<string>()
	for (const assignment of assignments)
		for (const member of assignment.wholeTeam ? (learnersByTeam.get(assignment.teamId) ?? []) : assignment.members) people.add(member.id)
	if (people.size === 0) return byUser
	const earliest = new Date(Math.min(...assignments.map((assignment) => assignment.createdAt.getTime())))
	const attempts = await getPrisma().attempt.findMany({
		where: {
			organizationId,
			userId: { in: [...people] },
			exerciseId: { in: [...new Set(assignments.map((assignment) => assignment.exerciseId))] },
			// Work begun before an assignment existed never counts for it (assignments/progress.ts).
			startedAt: { gte: earliest },
		},
		select: { id: true, userId: true, assignmentId: true, exerciseId: true, status: true, startedAt: true, finishedAt: true, review: { select: { id: true } } },
	})
	for (const attempt of attempts) {
		const row: ProgressAttempt = { ...attempt, reviewed: attempt.review !== null }
		byUser.set(attempt.userId, [...(byUser.get(attempt.userId) ?? []), row])
	}
	return byUser
}

function countBy(keys: readonly string[]) {
	const counts = new Map<string, number>()
	for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
	return counts
}
