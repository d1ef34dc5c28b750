import type { Prisma } from '#app/generated/prisma/client.ts'

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
