import type { Prisma } from '#app/generated/prisma/client.ts'
import { findDuplicates, type Duplicate } from '#app/assignments/duplicates.ts'
import { personProgress } from '#app/assignments/progress.ts'
import { assignmentClosure, openDueAfter, type Closure } from '#app/assignments/closure.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'
import { loadExercises } from './practice.server.ts'
import { notifyAssignmentsGiven } from './notification-events.server.ts'

/**
 * The assignments meant for this person: a whole-team assignment reaches the team's
 * learners (its leads set the practice, they are not its audience), a member-only one
 * reaches the people it lists. Not yet filtered by cancellation or due date.
 */
export function assignedTo(user: { id: string; organizationId: string }): Prisma.AssignmentWhereInput {
	return {
		organizationId: user.organizationId,
		OR: [
			{ wholeTeam: true, team: { memberships: { some: { userId: user.id, organizationId: user.organizationId, role: 'learner' } } } },
			{ members: { some: { userId: user.id } } },
		],
	}
}

/** Assignments still asking for work at `now`: not cancelled, not closed by a lead or by the grace period. */
export function openAssignmentWhere(now: Date): Prisma.AssignmentWhereInput {
	return { cancelledAt: null, closedAt: null, dueAt: { gt: openDueAfter(now) } }
}

// ---------------------------------------------------------------------------------------
// What a lead does with assignments. Every function is scoped to the lead's organisation
// and the team the caller has already been checked to lead.

type Rules = { hintsAllowed: boolean; pasteBlocked: boolean; hardMode: boolean }

/** A failure the lead caused, with the field it belongs to. */
export class AssignmentError extends Error {
	constructor(
		readonly field: 'exercises' | 'members' | 'form',
		message: string,
		readonly status: 400 | 404 | 409 = 400,
	) {
		super(message)
	}
}

/** The exercises a lead can assign, with what the ready-made sets are built from: the catalogue's, easiest first. */
export async function listAssignableExercises() {
	const exercises = await loadExercises(getPrisma(), { includeRetired: false })
	return exercises.map((exercise) => ({
		id: exercise.id,
		slug: exercise.slug,
		title: exercise.title,
		kind: exercise.kind,
		difficulty: exercise.difficulty,
		difficultySource: exercise.difficultySource,
		topics: exercise.metadata.topics,
		estimatedMinutes: exercise.metadata.estimatedMinutes ?? null,
	}))
}

/**
 * Assigns each chosen exercise to the whole team (members who join later included) or to the
 * chosen members, who must belong to the team. Everything or nothing is created.
 */
export async function createAssignments(input: {
	organizationId: string
	teamId: string
	actorId: string
	slugs: string[]
	audience: 'team' | 'members'
	memberIds: string[]
	dueAt: Date
	rules: Rules
	/** People to leave out of one exercise's assignment: they already have it open. */
	leaveOut?: Array<{ slug: string; userId: string }>
}) {
	const prisma = getPrisma()
	const slugs = [...new Set(input.slugs)]
	const exercises = await prisma.exercise.findMany({
		where: { slug: { in: slugs }, retiredAt: null, currentVersionId: { not: null } },
		select: { id: true, slug: true, title: true },
	})
	refuseMissing(slugs, exercises)
	const memberIds = input.audience === 'members' ? [...new Set(input.memberIds)] : []
	if (memberIds.length) {
		const inTeam = await prisma.membership.findMany({
			where: { organizationId: input.organizationId, teamId: input.teamId, userId: { in: memberIds } },
			select: { userId: true },
		})
		const outside = memberIds.filter((id) => !inTeam.some((membership) => membership.userId === id))
		if (outside.length)
			throw new AssignmentError(
				'members',
				`${outside.length === 1 ? 'One person you chose is' : `${outside.length} people you chose are`} not in this team. Add them to the team first, or choose from the team’s members.`,
			)
	}
	const ordered = slugs.map((slug) => exercises.find((exercise) => exercise.slug === slug)!)
	const leaveOut = input.leaveOut ?? []
	// Leaving someone out of a whole-team assignment turns it into one for the other learners.
	const audience = leaveOut.length ? (input.audience === 'team' ? (await teamLearners(input.organizationId, input.teamId)).map((l) => l.id) : memberIds) : []
	return prisma.$transaction(async (tx) => {
		const created: Array<{ id: string; title: string }> = []
		const given: Array<{ id: string; title: string; slug: string; memberIds: string[] | null }> = []
		for (const exercise of ordered) {
			const left = new Set(leaveOut.filter((pair) => pair.slug === exercise.slug).map((pair) => pair.userId))
			const members = left.size ? audience.filter((userId) => !left.has(userId)) : memberIds
			if (left.size && members.length === 0) continue
			const assignment = await tx.assignment.create({
				data: {
					organizationId: input.organizationId,
					teamId: input.teamId,
					exerciseId: exercise.id,
					createdById: input.actorId,
					dueAt: input.dueAt,
					...input.rules,
					wholeTeam: input.audience === 'team' && left.size === 0,
					members: members.length ? { create: members.map((userId) => ({ userId })) } : undefined,
				},
				select: { id: true },
			})
			created.push({ id: assignment.id, title: exercise.title })
			given.push({ id: assignment.id, title: exercise.title, slug: exercise.slug, memberIds: members.length ? members : null })
		}
		if (created.length === 0) return created
		await notifyAssignmentsGiven(tx, {
			organizationId: input.organizationId,
			teamId: input.teamId,
			actorId: input.actorId,
			dueAt: input.dueAt,
			assignments: given,
		})
		await recordAudit(
			{
				organizationId: input.organizationId,
				actorId: input.actorId,
				action: 'assignment.created',
				targetType: 'Team',
				targetId: input.teamId,
				detail: { assignments: created.map((a) => a.id), audience: input.audience, members: memberIds.length, leftOut: leaveOut.length },
			},
			tx,
		)
		return created
	})
}

function refuseMissing(slugs: string[], exercises: Array<{ slug: string }>) {
	const missing = slugs.filter((slug) => !exercises.some((exercise) => exercise.slug === slug))
	if (missing.length) throw new AssignmentError('exercises', `There is no exercise called “${missing[0]!.slice(0, 64)}”. Choose exercises from the list.`)
}

/**
 * Who among the people about to be assigned these exercises already has one open: an open
 * assignment of it they have not finished (from any team of the organisation), or an attempt
 * in progress. Refuses an exercise that cannot be assigned, as createAssignments does. Three queries.
 */
export async function findOpenDuplicates(input: {
	organizationId: string
	teamId: string
	slugs: string[]
	audience: 'team' | 'members'
	memberIds: string[]
	now: Date
}): Promise<Duplicate[]> {
	const prisma = getPrisma()
	const [exercises, people] = await Promise.all([
		prisma.exercise.findMany({
			where: { slug: { in: [...new Set(input.slugs)] }, retiredAt: null, currentVersionId: { not: null } },
			select: { id: true, slug: true, title: true },
		}),
		input.audience === 'team'
			? teamLearners(input.organizationId, input.teamId)
			: prisma.user.findMany({
					where: { organizationId: input.organizationId, id: { in: input.memberIds } },
					select: { id: true, name: true },
					orderBy: { name: 'asc' },
				}),
	])
	refuseMissing([...new Set(input.slugs)], exercises)
	if (people.length === 0) return []
	const userIds = people.map((person) => person.id)
	const exerciseIds = exercises.map((exercise) => exercise.id)
	const [assignments, attempts] = await Promise.all([
		prisma.assignment.findMany({
			where: {
				organizationId: input.organizationId,
				exerciseId: { in: exerciseIds },
				...openAssignmentWhere(input.now),
				OR: [
					{ wholeTeam: true, team: { memberships: { some: { userId: { in: userIds }, role: 'learner' } } } },
					{ members: { some: { userId: { in: userIds } } } },
				],
			},
			select: {
				id: true,
				exerciseId: true,
				createdAt: true,
				dueAt: true,
				closedAt: true,
				wholeTeam: true,
				team: { select: { name: true, memberships: { where: { userId: { in: userIds }, role: 'learner' }, select: { userId: true } } } },
				members: { where: { userId: { in: userIds } }, select: { userId: true } },
			},
		}),
		prisma.attempt.findMany({
			where: { organizationId: input.organizationId, userId: { in: userIds }, exerciseId: { in: exerciseIds } },
			select: standingAttemptSelect,
		}),
	])
	return findDuplicates({
		exercises: input.slugs.flatMap((slug) => exercises.filter((exercise) => exercise.slug === slug)),
		people,
		openAssignments: assignments.map((assignment) => ({
			...assignment,
			teamName: assignment.team.name,
			userIds: (assignment.wholeTeam ? assignment.team.memberships : assignment.members).map((row) => row.userId),
		})),
		attempts: attempts.map((attempt) => ({ ...attempt, reviewed: attempt.review !== null })),
		now: input.now,
	})
}

const standingAttemptSelect = {
	id: true,
	userId: true,
	assignmentId: true,
	exerciseId: true,
	status: true,
	startedAt: true,
	finishedAt: true,
	review: { select: { id: true } },
} as const

/** The people an assignment is for: the team's learners now, or the members it lists. */
function audienceOf(assignment: { wholeTeam: boolean; members: Array<{ user: { id: string; name: string } }> }, learners: Array<{ id: string; name: string }>) {
	return assignment.wholeTeam ? learners : assignment.members.map((member) => member.user).sort((a, b) => a.name.localeCompare(b.name))
}

// What the lead's pages show of an assignment, and what its progress is computed from.
const assignmentSelect = {
	id: true,
	exerciseId: true,
	dueAt: true,
	createdAt: true,
	cancelledAt: true,
	closedAt: true,
	closedBy: { select: { name: true } },
	wholeTeam: true,
	hintsAllowed: true,
	pasteBlocked: true,
	hardMode: true,
	members: { select: { user: { select: { id: true, name: true } } } },
} as const

/** A team's assignments with each member's standing at `now`. Three queries, however many assignments. */
export async function listTeamAssignments(organizationId: string, teamId: string, now: Date) {
	const prisma = getPrisma()
	const [assignments, learners] = await Promise.all([
		prisma.assignment.findMany({
			where: { organizationId, teamId },
			orderBy: [{ cancelledAt: { sort: 'asc', nulls: 'first' } }, { dueAt: 'asc' }],
			select: { ...assignmentSelect, exercise: { select: { slug: true, title: true } } },
		}),
		teamLearners(organizationId, teamId),
	])
	const people = new Set([...learners.map((l) => l.id), ...assignments.flatMap((a) => a.members.map((m) => m.user.id))])
	const attempts = await prisma.attempt.findMany({
		where: { organizationId, userId: { in: [...people] }, exerciseId: { in: [...new Set(assignments.map((a) => a.exerciseId))] } },
		select: standingAttemptSelect,
	})
	return assignments.map((assignment) => {
		const audience = audienceOf(assignment, learners)
		const standings = audience.map((person) => ({
			person,
			...standingOf(
				assignment,
				attempts.filter((attempt) => attempt.userId === person.id),
				now,
			),
		}))
		return { ...assignment, audienceSize: audience.length, closure: assignmentClosureOf(assignment, standings, now), standings }
	})
}

function teamLearners(organizationId: string, teamId: string) {
	return getPrisma()
		.membership.findMany({
			where: { organizationId, teamId, role: 'learner' },
			orderBy: { user: { name: 'asc' } },
			select: { user: { select: { id: true, name: true } } },
		})
		.then((rows) => rows.map((row) => row.user))
}

function standingOf(
	assignment: { id: string; exerciseId: string; createdAt: Date; dueAt: Date; closedAt: Date | null },
	attempts: Array<{
		id: string
		assignmentId: string | null
		exerciseId: string
		status: 'in_progress' | 'solved' | 'gave_up'
		startedAt: Date
		finishedAt: Date | null
		review: { id: string } | null
	}>,
	now: Date,
) {
	return personProgress(
		assignment,
		attempts.map((attempt) => ({ ...attempt, reviewed: attempt.review !== null })),
		now,
	)
}

/** The assignment's closure; every standing computes the same one, so nobody-to-do-it needs its own. */
function assignmentClosureOf(assignment: { dueAt: Date; closedAt: Date | null }, standings: Array<{ closure: Closure | null }>, now: Date) {
	return standings[0] ? standings[0].closure : assignmentClosure(assignment, now)
}

/** One assignment, for the lead page that shows and changes it; null when not in this organisation. */
export async function getAssignmentForLead(organizationId: string, assignmentId: string, now: Date) {
	const prisma = getPrisma()
	const assignment = await prisma.assignment.findFirst({
		where: { id: assignmentId, organizationId },
		select: {
			...assignmentSelect,
			teamId: true,
			team: { select: { id: true, name: true } },
			createdBy: { select: { name: true } },
			exercise: { select: { slug: true, title: true, difficulty: true } },
		},
	})
	if (!assignment) return null
	const learners = await teamLearners(organizationId, assignment.teamId)
	const audience = audienceOf(assignment, learners)
	const attempts = await prisma.attempt.findMany({
		where: { organizationId, userId: { in: audience.map((person) => person.id) }, exerciseId: assignment.exerciseId },
		select: standingAttemptSelect,
	})
	const standings = audience.map((person) => ({
		person,
		...standingOf(
			assignment,
			attempts.filter((attempt) => attempt.userId === person.id),
			now,
		),
	}))
	return { ...assignment, closure: assignmentClosureOf(assignment, standings, now), standings }
}

/**
 * New due date and rules. Attempts already started keep the rules they started under. A due
 * date from today on reopens a closed assignment, whoever or whatever closed it.
 */
export async function updateAssignment(input: { organizationId: string; assignmentId: string; actorId: string; dueAt: Date; rules: Rules }) {
	const updated = await getPrisma().assignment.updateMany({
		where: { id: input.assignmentId, organizationId: input.organizationId, cancelledAt: null },
		data: { dueAt: input.dueAt, ...input.rules, closedAt: null, closedById: null },
	})
	if (updated.count === 0) throw new AssignmentError('form', 'This assignment was cancelled, so it can no longer be changed.', 409)
	await recordAudit({
		organizationId: input.organizationId,
		actorId: input.actorId,
		action: 'assignment.updated',
		targetType: 'Assignment',
		targetId: input.assignmentId,
		detail: { dueAt: input.dueAt.toISOString(), ...input.rules },
	})
}

/** Cancelling hides the assignment from learners; every attempt made for it stays. */
export async function cancelAssignment(input: { organizationId: string; assignmentId: string; actorId: string; now?: Date }) {
	const cancelled = await getPrisma().assignment.updateMany({
		where: { id: input.assignmentId, organizationId: input.organizationId, cancelledAt: null },
		data: { cancelledAt: input.now ?? new Date() },
	})
	if (cancelled.count > 0)
		await recordAudit({
			organizationId: input.organizationId,
			actorId: input.actorId,
			action: 'assignment.cancelled',
			targetType: 'Assignment',
			targetId: input.assignmentId,
		})
	return cancelled.count > 0
}

/**
 * A lead closes an open assignment: it leaves the learners' dashboards and its progress is final
 * from now; every attempt made for it stays and still counts in growth. False when it was
 * already closed or cancelled.
 */
export async function closeAssignment(input: { organizationId: string; assignmentId: string; actorId: string; now?: Date }) {
	const now = input.now ?? new Date()
	const closed = await getPrisma().assignment.updateMany({
		where: { id: input.assignmentId, organizationId: input.organizationId, ...openAssignmentWhere(now) },
		data: { closedAt: now, closedById: input.actorId },
	})
	if (closed.count > 0)
		await recordAudit({
			organizationId: input.organizationId,
			actorId: input.actorId,
			action: 'assignment.closed',
			targetType: 'Assignment',
			targetId: input.assignmentId,
		})
	return closed.count > 0
}
