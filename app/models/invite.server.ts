import { randomBytes } from 'node:crypto'
import { getPrisma } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { hashToken } from '#app/utils/session.server.ts'
import { recordAudit } from './audit.server.ts'
import { EmailTakenError, isUniqueViolation } from './organization.server.ts'

export const INVITE_TTL_DAYS = 7

/** Creates a single-use invite; the returned token is shown once and never stored. */
export async function createInvite(input: { organizationId: string; teamId: string; createdById: string; role: 'learner' | 'lead' }) {
	const token = randomBytes(24).toString('base64url')
	const invite = await getPrisma().invite.create({
		data: {
			organizationId: input.organizationId,
			teamId: input.teamId,
			createdById: input.createdById,
			role: input.role,
			tokenHash: hashToken(token),
			expiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 24 * 60 * 60 * 1000),
		},
		select: { id: true, expiresAt: true },
	})
	await recordAudit({
		organizationId: input.organizationId,
		actorId: input.createdById,
		action: 'invite.created',
		targetType: 'Invite',
		targetId: invite.id,
		detail: { teamId: input.teamId, role: input.role },
	})
	return { token, ...invite }
}

export function listPendingInvites(organizationId: string, teamId: string) {
	return getPrisma().invite.findMany({
		where: { organizationId, teamId, usedAt: null, expiresAt: { gt: new Date() } },
		orderBy: { createdAt: 'desc' },
		select: { id: true, role: true, createdAt: true, expiresAt: true, createdBy: { select: { name: true } } },
	})
}

export async function revokeInvite(input: { organizationId: string; teamId: string; inviteId: string; actorId: string }) {
	const { count } = await getPrisma().invite.deleteMany({
		where: { id: input.inviteId, organizationId: input.organizationId, teamId: input.teamId, usedAt: null },
	})
	if (count)
		await recordAudit({
			organizationId: input.organizationId,
			actorId: input.actorId,
			action: 'invite.revoked',
			targetType: 'Invite',
			targetId: input.inviteId,
		})
	return count > 0
}

export type InviteState =
	| { status: 'invalid' }
	| { status: 'used' | 'expired'; teamName: string }
	| {
			status: 'valid'
			id: string
			organizationId: string
			organizationName: string
			teamId: string
			teamName: string
			role: 'learner' | 'lead'
			invitedBy: string
	  }

export async function findInvite(token: string): Promise<InviteState> {
	if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) return { status: 'invalid' }
	const invite = await getPrisma().invite.findUnique({
		where: { tokenHash: hashToken(token) },
		select: {
			id: true,
			role: true,
			usedAt: true,
			expiresAt: true,
			organizationId: true,
			organization: { select: { name: true } },
			team: { select: { id: true, name: true } },
			createdBy: { select: { name: true } },
		},
	})
	if (!invite) return { status: 'invalid' }
	if (invite.usedAt) return { status: 'used', teamName: invite.team.name }
	if (invite.expiresAt.getTime() <= Date.now()) return { status: 'expired', teamName: invite.team.name }
	return {
		status: 'valid',
		id: invite.id,
		organizationId: invite.organizationId,
		organizationName: invite.organization.name,
		teamId: invite.team.id,
		teamName: invite.team.name,
		role: invite.role,
		invitedBy: invite.createdBy.name,
	}
}

export class InviteNoLongerValidError extends Error {
	constructor() {
		super('This invite was used or expired a moment ago. Ask your lead for a new link.')
	}
}

/** Registers a new user through a valid invite. Claiming the invite and creating the user happen atomically. */
export async function acceptInviteAsNewUser(invite: Extract<InviteState, { status: 'valid' }>, input: { name: string; email: string; password: string }) {
	const passwordHash = await hashPassword(input.password)
	try {
		return await getPrisma().$transaction(async (tx) => {
			const user = await tx.user.create({
				data: { organizationId: invite.organizationId, name: input.name, email: input.email, passwordHash, orgRole: 'member' },
				select: { id: true, organizationId: true },
			})
			await claimInvite(tx, invite, user.id)
			return user
		})
	} catch (error) {
		if (isUniqueViolation(error)) throw new EmailTakenError()
		throw error
	}
}

/** Adds an already signed-in member of the same organisation to the invite's team. */
export async function acceptInviteAsMember(invite: Extract<InviteState, { status: 'valid' }>, userId: string) {
	await getPrisma().$transaction(async (tx) => {
		await claimInvite(tx, invite, userId)
	})
}

type Tx = Parameters<Parameters<ReturnType<typeof getPrisma>['$transaction']>[0]>[0]

async function claimInvite(tx: Tx, invite: Extract<InviteState, { status: 'valid' }>, userId: string) {
	// The conditional update is what makes an invite single-use under concurrent accepts.
	const claimed = await tx.invite.updateMany({
		where: { id: invite.id, usedAt: null, expiresAt: { gt: new Date() } },
		data: { usedAt: new Date(), usedById: userId },
	})
	if (claimed.count !== 1) throw new InviteNoLongerValidError()
	await tx.membership.upsert({
		where: { teamId_userId: { teamId: invite.teamId, userId } },
		create: { organizationId: invite.organizationId, teamId: invite.teamId, userId, role: invite.role },
		update: { role: invite.role },
		select: { id: true },
	})
	await recordAudit(
		{
			organizationId: invite.organizationId,
			actorId: userId,
			action: 'invite.accepted',
			targetType: 'Invite',
			targetId: invite.id,
			detail: { teamId: invite.teamId },
		},
		tx,
	)
}
