import { Prisma } from '#app/generated/prisma/client.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { recordAudit } from './audit.server.ts'
import { queueVerificationMail } from './email-verification.server.ts'

export class EmailTakenError extends Error {
	constructor() {
		super('An account with this e-mail address already exists.')
	}
}

export function isUniqueViolation(error: unknown) {
	return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

/** Sign-up: a new organisation whose first user is its admin. */
export async function createOrganizationWithAdmin(input: { organizationName: string; name: string; email: string; password: string }) {
	const passwordHash = await hashPassword(input.password)
	try {
		return await getPrisma().$transaction(async (tx) => {
			const organization = await tx.organization.create({ data: { name: input.organizationName }, select: { id: true } })
			const user = await tx.user.create({
				// Unconfirmed until the mailed link is opened (ADR 028); using Hardmode meanwhile is not blocked.
				data: { organizationId: organization.id, email: input.email, name: input.name, passwordHash, orgRole: 'admin', emailVerifiedAt: null },
				select: { id: true, organizationId: true },
			})
			await queueVerificationMail(tx, { ...user, name: input.name, email: input.email })
			await recordAudit(
				{ organizationId: organization.id, actorId: user.id, action: 'organization.created', targetType: 'Organization', targetId: organization.id },
				tx,
			)
			return user
		})
	} catch (error) {
		if (isUniqueViolation(error)) throw new EmailTakenError()
		throw error
	}
}

export function listMembers(organizationId: string) {
	return getPrisma().user.findMany({
		// People removed from the organisation (ADR 029) are in no list of members.
		where: { organizationId, removedAt: null },
		orderBy: { name: 'asc' },
		select: {
			id: true,
			name: true,
			email: true,
			orgRole: true,
			createdAt: true,
			memberships: { select: { role: true, team: { select: { id: true, name: true } } } },
		},
	})
}

export async function setOrgRole(input: { organizationId: string; actorId: string; userId: string; role: 'admin' | 'member' }) {
	const prisma = getPrisma()
	return prisma.$transaction(async (tx) => {
		const target = await tx.user.findFirst({
			where: { id: input.userId, organizationId: input.organizationId },
			select: { id: true, orgRole: true },
		})
		if (!target) return { ok: false as const, status: 404, message: 'That member was not found in your organisation.' }
		if (target.orgRole === 'admin' && input.role === 'member') {
			const admins = await tx.user.count({ where: { organizationId: input.organizationId, orgRole: 'admin' } })
			if (admins <= 1) {
				return { ok: false as const, status: 400, message: 'An organisation needs at least one admin. Make someone else an admin first.' }
			}
		}
		await tx.user.update({ where: { id: target.id }, data: { orgRole: input.role }, select: { id: true } })
		await recordAudit(
			{
				organizationId: input.organizationId,
				actorId: input.actorId,
				action: 'user.org_role_changed',
				targetType: 'User',
				targetId: target.id,
				detail: { role: input.role },
			},
			tx,
		)
		return { ok: true as const }
	})
}
