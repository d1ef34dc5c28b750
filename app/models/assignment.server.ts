import type { Prisma } from '#app/generated/prisma/client.ts'
import { memberStanding } from '#app/assignments/progress.ts'
import type { TopicId } from '#app/exercises/topics.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { recordAudit } from './audit.server.ts'

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

/** The exercises a lead can assign, with what the ready-made sets are built from. */
export async function listAssignableExercises() {
	const exercises = await getPrisma().exercise.findMany({
		where: { retiredAt: null, currentVersionId: { not: null } },
		orderBy: [{ difficulty: 'asc' }, { title: 'asc' }],
		select: { id: true, slug: true, kind: true, title: true, difficulty: true, currentVersion: { select: { metadata: true } } },
	})
	return exercises.map((exercise) => {
		const metadata = exercise.currentVersion?.metadata as { topics?: string[]; estimatedMinutes?: number } | undefined
		return {
			id: exercise.id,
			slug: exercise.slug,
			title: exercise.title,
			kind: (exercise.kind === 'architecture' ? 'architecture' : 'debugging') as 'debugging' | 'architecture',
			difficulty: exercise.difficulty,
			topics: (metadata?.topics ?? []) as TopicId[],
			estimatedMinutes: metadata?.estimatedMinutes ?? null,
		}
	})
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
}) {
	const prisma = getPrisma()
	const slugs = [...new Set(input.slugs)]
	const exercises = await prisma.exercise.findMany({
		where: { slug: { in: slugs }, retiredAt: null, currentVersionId: { not: null } },
		select: { id: true, slug: true, title: true },
	})
	const missing = slugs.filter((slug) => !exercises.some((exercise) => exercise.slug === slug))
	if (missing.length) throw new AssignmentError('exercises', `There is no exercise called “${missing[0]!.slice(0, 64)}”. Choose exercises from the list.`)
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
	return prisma.$transaction(async (tx) => {
		const created: Array<{ id: string; title: string }> = []
		for (const exercise of ordered) {
			const assignment = await tx.assignment.create({
				data: {
					organizationId: input.organizationId,
					teamId: input.teamId,
					exerciseId: exercise.id,
					createdById: input.actorId,
					dueAt: input.dueAt,
					...input.rules,
					wholeTeam: input.audience === 'team',
					members: memberIds.length ? { create: memberIds.map((userId) => ({ userId })) } : undefined,
				},
				select: { id: true },
			})
			created.push({ id: assignment.id, title: exercise.title })
		}
		await recordAudit(
			{
				organizationId: input.organizationId,
				actorId: input.actorId,
				action: 'assignment.created',
				targetType: 'Team',
				targetId: input.teamId,
				detail: { assignments: created.map((a) => a.id), audience: input.audience, members: memberIds.length },
			},
			tx,
		)
		return created
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
	wholeTeam: true,
	hintsAllowed: true,
	pasteBlocked: true,
	hardMode: true,
	members: { select: { user: { select: { id: true, name: true } } } },
} as const

/** A team's assignments with each member's standing. Four queries, however many assignments. */
export async function listTeamAssignments(organizationId: string, teamId: string) {
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
			),
		}))
		return { ...assignment, audienceSize: audience.length, standings }
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
	assignment: { id: string; exerciseId: string; createdAt: Date },
	attempts: Array<{
		id: string
		assignmentId: string | null
		exerciseId: string
		status: 'in_progress' | 'solved' | 'gave_up'
		startedAt: Date
		finishedAt: Date | null
		review: { id: string } | null
	}>,
) {
	return memberStanding(
		assignment,
		attempts.map((attempt) => ({ ...attempt, reviewed: attempt.review !== null })),
	)
}

/** One assignment, for the lead page that shows and changes it; null when not in this organisation. */
export async function getAssignmentForLead(organizationId: string, assignmentId: string) {
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
	return {
		...assignment,
		standings: audience.map((person) => ({
			person,
			...standingOf(
				assignment,
				attempts.filter((attempt) => attempt.userId === person.id),
			),
		})),
	}
}

/** New due date and rules. Attempts already started keep the rules they started under. */
export async function updateAssignment(input: { organizationId: string; assignmentId: string; actorId: string; dueAt: Date; rules: Rules }) {
	const updated = await getPrisma().assignment.updateMany({
		where: { id: input.assignmentId, organizationId: input.organizationId, cancelledAt: null },
		data: { dueAt: input.dueAt, ...input.rules },
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
