import { getPrisma } from '#app/utils/db.server.ts'
import { isUniqueViolation } from './organization.server.ts'
import { recordAudit } from './audit.server.ts'

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
			await recordAudit({ organizationId: input.organizationId, actorId: input.actorId, action: 'team.created', targetType: 'Team', targetId: team.id, detail: { name: input.name } }, tx)
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

/** Adds an existing member of the organisation to a team, or changes their role in it. */
export async function setTeamMembership(input: { organizationId: string; actorId: string; teamId: string; userId: string; role: 'learner' | 'lead' }) {
	const prisma = getPrisma()
	const user = await prisma.user.findFirst({ where: { id: input.userId, organizationId: input.organizationId }, select: { id: true } })
	if (!user) return { ok: false as const, message: 'That person is not a member of your organisation.' }
	await prisma.$transaction(async (tx) => {
		await tx.membership.upsert({
			where: { teamId_userId: { teamId: input.teamId, userId: input.userId } },
			create: { organizationId: input.organizationId, teamId: input.teamId, userId: input.userId, role: input.role },
			update: { role: input.role },
			select: { id: true },
		})
		await recordAudit({ organizationId: input.organizationId, actorId: input.actorId, action: 'team.membership_set', targetType: 'User', targetId: input.userId, detail: { teamId: input.teamId, role: input.role } }, tx)
	})
	return { ok: true as const }
}

export async function removeTeamMembership(input: { organizationId: string; actorId: string; teamId: string; userId: string }) {
	const prisma = getPrisma()
	const removed = await prisma.membership.deleteMany({ where: { organizationId: input.organizationId, teamId: input.teamId, userId: input.userId } })
	if (removed.count > 0) {
		await recordAudit({ organizationId: input.organizationId, actorId: input.actorId, action: 'team.membership_removed', targetType: 'User', targetId: input.userId, detail: { teamId: input.teamId } })
	}
	return removed.count > 0
}
