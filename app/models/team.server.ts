import type { Prisma, TeamRole } from '#app/generated/prisma/client.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { mayAddTeamMembers, mayChangeTeamRoles, mayManageTeam, mayRemoveFromTeam, type TeamActor } from '#app/utils/permissions.server.ts'
import { recordAudit } from './audit.server.ts'
import { isUniqueViolation } from './organization.server.ts'

export function listTeams(organizationId: string) {
	return getPrisma().team.findMany({
		where: { organizationId },
		orderBy: { name: 'asc' },
		select: {
			id: true,
			name: true,
			createdAt: true,
			_count: { select: { memberships: true } },
			memberships: { where: { role: 'lead' }, select: { user: { select: { name: true } } } },
		},
	})
}

export async function createTeam(input: { organizationId: string; actorId: string; name: string; leadUserId?: string }) {
	try {
		return await getPrisma().$transaction(async (tx) => {
			const team = await tx.team.create({ data: { organizationId: input.organizationId, name: input.name }, select: { id: true } })
			if (input.leadUserId) {
				await tx.membership.create({
					data: { organizationId: input.organizationId, teamId: team.id, userId: input.leadUserId, role: 'lead' },
					select: { id: true },
				})
			}
			await recordAudit(
				{
					organizationId: input.organizationId,
					actorId: input.actorId,
					action: 'team.created',
					targetType: 'Team',
					targetId: team.id,
					detail: { name: input.name },
				},
				tx,
			)
			return { ok: true as const, team }
		})
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false as const, message: 'Your organisation already has a team with this name.' }
		throw error
	}
}

export function getTeamMembers(organizationId: string, teamId: string) {
	return getPrisma().membership.findMany({
		where: { organizationId, teamId },
		orderBy: [{ role: 'desc' }, { user: { name: 'asc' } }],
		select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
	})
}

type Tx = Prisma.TransactionClient
type MembershipChange = { organizationId: string; actorId: string; teamId: string; userId: string }
type MembershipResult = { ok: true } | { ok: false; status: 403 | 404 | 409; message: string }

/** The actor as the database has them now, not as their session remembers them. */
async function actorOn(tx: Tx, input: MembershipChange): Promise<TeamActor | null> {
	const actor = await tx.user.findFirst({
		where: { id: input.actorId, organizationId: input.organizationId },
		select: { id: true, orgRole: true, memberships: { where: { teamId: input.teamId }, select: { role: true } } },
	})
	return actor ? { id: actor.id, orgRole: actor.orgRole, teamRole: actor.memberships[0]?.role ?? null } : null
}

const NOT_ALLOWED = { ok: false as const, status: 403 as const }

/** Adds an existing member of the organisation to a team: organisation admins only. */
export async function addTeamMember(input: MembershipChange & { role: TeamRole }): Promise<MembershipResult> {
	return getPrisma().$transaction(async (tx) => {
		const actor = await actorOn(tx, input)
		if (!actor || !mayAddTeamMembers(actor)) {
			return {
				...NOT_ALLOWED,
				message: 'Only organisation admins can add an existing member to a team. Create an invite link instead: the person joins when they accept it.',
			}
		}
		const user = await tx.user.findFirst({ where: { id: input.userId, organizationId: input.organizationId, removedAt: null }, select: { id: true } })
		if (!user) return { ok: false, status: 404, message: 'That person is not a member of your organisation.' }
		const existing = await tx.membership.findUnique({ where: { teamId_userId: { teamId: input.teamId, userId: input.userId } }, select: { id: true } })
		if (existing) return { ok: false, status: 409, message: 'That person is already in this team; change their role in the list instead.' }
		await tx.membership.create({
			data: { organizationId: input.organizationId, teamId: input.teamId, userId: input.userId, role: input.role },
			select: { id: true },
		})
		await recordAudit(
			{
				organizationId: input.organizationId,
				actorId: input.actorId,
				action: 'team.membership_added',
				targetType: 'User',
				targetId: input.userId,
				detail: { teamId: input.teamId, role: input.role },
			},
			tx,
		)
		return { ok: true }
	})
}

/** Changes the role of someone already in the team (it never adds anyone): organisation admins only. */
export async function changeTeamRole(input: MembershipChange & { role: TeamRole }): Promise<MembershipResult> {
	return getPrisma().$transaction(async (tx) => {
		const actor = await actorOn(tx, input)
		if (!actor || !mayChangeTeamRoles(actor)) return { ...NOT_ALLOWED, message: 'Only organisation admins can change roles in a team.' }
		const changed = await tx.membership.updateMany({
			where: { organizationId: input.organizationId, teamId: input.teamId, userId: input.userId },
			data: { role: input.role },
		})
		if (changed.count === 0) return { ok: false, status: 404, message: 'That person is not in this team.' }
		await recordAudit(
			{
				organizationId: input.organizationId,
				actorId: input.actorId,
				action: 'team.membership_set',
				targetType: 'User',
				targetId: input.userId,
				detail: { teamId: input.teamId, role: input.role },
			},
			tx,
		)
		return { ok: true }
	})
}

/** Removes someone from a team: an admin removes anyone, a lead the team's learners. */
export async function removeTeamMembership(input: MembershipChange): Promise<MembershipResult> {
	return getPrisma().$transaction(async (tx) => {
		const actor = await actorOn(tx, input)
		const member = await tx.membership.findFirst({
			where: { organizationId: input.organizationId, teamId: input.teamId, userId: input.userId },
			select: { role: true },
		})
		if (!actor || !mayManageTeam(actor)) return { ...NOT_ALLOWED, message: 'Only this team’s leads and organisation admins can manage it.' }
		if (!member) return { ok: false, status: 404, message: 'That person is not in this team.' }
		if (!mayRemoveFromTeam(actor, { userId: input.userId, role: member.role })) {
			const message =
				input.userId === actor.id
					? 'You cannot remove yourself from a team you lead; ask an organisation admin.'
					: 'Only organisation admins can remove a lead from a team.'
			return { ...NOT_ALLOWED, message }
		}
		// The role is part of the condition, so a learner promoted meanwhile is not removed by a lead.
		const removed = await tx.membership.deleteMany({
			where: { organizationId: input.organizationId, teamId: input.teamId, userId: input.userId, role: member.role },
		})
		if (removed.count === 0) return { ok: false, status: 409, message: 'That person’s role in this team changed a moment ago. Reload the page and try again.' }
		await recordAudit(
			{
				organizationId: input.organizationId,
				actorId: input.actorId,
				action: 'team.membership_removed',
				targetType: 'User',
				targetId: input.userId,
				detail: { teamId: input.teamId },
			},
			tx,
		)
		return { ok: true }
	})
}
