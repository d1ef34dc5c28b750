// The organisation's recent activity, with the names of everything it points at looked up in
// one query per kind of target (never one per event). Always scoped to one organisation.
import { describeActivity, type ActivityNames, type ActivitySentence } from '#app/organization/activity.ts'
import { getPrisma } from '#app/utils/db.server.ts'

export async function listRecentActivity(organizationId: string, take = 15): Promise<ActivitySentence[]> {
	const prisma = getPrisma()
	const events = await prisma.auditEvent.findMany({
		where: { organizationId },
		orderBy: { createdAt: 'desc' },
		take,
		select: { id: true, action: true, createdAt: true, targetType: true, targetId: true, detail: true, actor: { select: { name: true } } },
	})
	const ids = {
		User: new Set<string>(),
		Team: new Set<string>(),
		Exercise: new Set<string>(),
		Assignment: new Set<string>(),
		Attempt: new Set<string>(),
		ExerciseFlag: new Set<string>(),
		Invite: new Set<string>(),
	}
	for (const event of events) {
		if (event.targetId && event.targetType && event.targetType in ids) ids[event.targetType as keyof typeof ids].add(event.targetId)
		const detail = event.detail as Record<string, unknown> | null
		if (typeof detail?.teamId === 'string') ids.Team.add(detail.teamId)
		if (Array.isArray(detail?.assignments) && typeof detail.assignments[0] === 'string') ids.Assignment.add(detail.assignments[0])
	}
	const inOrg = { organizationId }
	// First what points further (an invite at its team, a flag at its exercise, an assignment at its team)…
	const [users, invites, flags, assignments, attempts] = await Promise.all([
		prisma.user.findMany({ where: { ...inOrg, id: { in: [...ids.User] } }, select: { id: true, name: true } }),
		prisma.invite.findMany({ where: { ...inOrg, id: { in: [...ids.Invite] } }, select: { id: true, teamId: true } }),
		prisma.exerciseFlag.findMany({ where: { ...inOrg, id: { in: [...ids.ExerciseFlag] } }, select: { id: true, exerciseId: true } }),
		prisma.assignment.findMany({
			where: { ...inOrg, id: { in: [...ids.Assignment] } },
			select: { id: true, teamId: true, exercise: { select: { title: true } } },
		}),
		prisma.attempt.findMany({
			where: { ...inOrg, id: { in: [...ids.Attempt] } },
			select: { id: true, user: { select: { name: true } }, exercise: { select: { title: true } } },
		}),
	])
	for (const invite of invites) ids.Team.add(invite.teamId)
	for (const flag of flags) ids.Exercise.add(flag.exerciseId)
	for (const assignment of assignments) ids.Team.add(assignment.teamId)
	// …then the names those point at. Exercises belong to no organisation; only their titles are read.
	const [teams, exercises] = await Promise.all([
		prisma.team.findMany({ where: { ...inOrg, id: { in: [...ids.Team] } }, select: { id: true, name: true } }),
		prisma.exercise.findMany({ where: { id: { in: [...ids.Exercise] } }, select: { id: true, title: true, slug: true } }),
	])
	const names: ActivityNames = {
		users: Object.fromEntries(users.map((user) => [user.id, user.name])),
		teams: Object.fromEntries(teams.map((team) => [team.id, team.name])),
		exercises: Object.fromEntries(exercises.map((exercise) => [exercise.id, { title: exercise.title, slug: exercise.slug }])),
		assignments: Object.fromEntries(assignments.map((assignment) => [assignment.id, { exerciseTitle: assignment.exercise.title, teamId: assignment.teamId }])),
		attempts: Object.fromEntries(attempts.map((attempt) => [attempt.id, { learnerName: attempt.user.name, exerciseTitle: attempt.exercise.title }])),
		flags: Object.fromEntries(flags.map((flag) => [flag.id, { exerciseId: flag.exerciseId }])),
		invites: Object.fromEntries(invites.map((invite) => [invite.id, { teamId: invite.teamId }])),
	}
	return events.map((event) =>
		describeActivity(
			{
				id: event.id,
				action: event.action,
				createdAt: event.createdAt,
				actorName: event.actor?.name ?? null,
				targetType: event.targetType,
				targetId: event.targetId,
				detail: event.detail,
			},
			names,
		),
	)
}
