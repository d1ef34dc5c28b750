import { randomBytes } from 'node:crypto'
import { inviteMail } from '#app/mail/messages.ts'
import { enqueueMail, publicLink } from '#app/mail/outbox.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { mayInviteToTeam } from '#app/utils/permissions.server.ts'
import { hashToken } from '#app/utils/session.server.ts'
import { recordAudit } from './audit.server.ts'
import { queueVerificationMail } from './email-verification.server.ts'
import { EmailTakenError, isUniqueViolation } from './organization.server.ts'

export const INVITE_TTL_DAYS = 7

/**
 * Creates a single-use invite for one address and mails it the link (through the outbox, in the
 * same transaction). The returned token is shown once, to its creator, and never stored. Without
 * an address it is a bare link, as invites were before they had one.
 */
export async function createInvite(input: { organizationId: string; teamId: string; createdById: string; role: 'learner' | 'lead'; email?: string }) {
	const token = randomBytes(24).toString('base64url')
	return getPrisma().$transaction(async (tx) => {
		const invite = await tx.invite.create({
			data: {
				organizationId: input.organizationId,
				teamId: input.teamId,
				createdById: input.createdById,
				role: input.role,
				email: input.email ?? null,
				tokenHash: hashToken(token),
				expiresAt: new Date(Date.now() + INVITE_TTL_DAYS * 24 * 60 * 60 * 1000),
			},
			select: { id: true, expiresAt: true, team: { select: { name: true } }, organization: { select: { name: true } }, createdBy: { select: { name: true } } },
		})
		if (input.email) {
			const content = inviteMail({
				inviterName: invite.createdBy.name,
				teamName: invite.team.name,
				organizationName: invite.organization.name,
				role: input.role,
				email: input.email,
				link: publicLink(`/invite/${token}`),
				days: INVITE_TTL_DAYS,
			})
			await enqueueMail(tx, { organizationId: input.organizationId, to: input.email, kind: 'invite', ...content })
		}
		await recordAudit(
			{
				organizationId: input.organizationId,
				actorId: input.createdById,
				action: 'invite.created',
				targetType: 'Invite',
				targetId: invite.id,
				detail: { teamId: input.teamId, role: input.role, ...(input.email ? { email: input.email } : {}) },
			},
			tx,
		)
		return { token, id: invite.id, expiresAt: invite.expiresAt }
	})
}

/** The team's invites that still work: unused, unexpired, and made by someone who may still invite (see findInvite). */
export async function listPendingInvites(organizationId: string, teamId: string) {
	const invites = await getPrisma().invite.findMany({
		where: { organizationId, teamId, usedAt: null, expiresAt: { gt: new Date() } },
		orderBy: { createdAt: 'desc' },
		select: {
			id: true,
			role: true,
			email: true,
			createdAt: true,
			expiresAt: true,
			createdBy: { select: { id: true, name: true, orgRole: true, memberships: { where: { teamId }, select: { role: true } } } },
		},
	})
	return invites
		.filter(({ createdBy, role }) => mayInviteToTeam({ id: createdBy.id, orgRole: createdBy.orgRole, teamRole: createdBy.memberships[0]?.role ?? null }, role))
		.map(({ createdBy, ...invite }) => ({ ...invite, createdBy: { name: createdBy.name } }))
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
	| { status: 'used' | 'expired' | 'withdrawn'; teamName: string }
	| {
			status: 'valid'
			id: string
			organizationId: string
			organizationName: string
			teamId: string
			teamName: string
			role: 'learner' | 'lead'
			invitedBy: string
			/** The only address that may accept it; null for a bare link. */
			email: string | null
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
			email: true,
			createdBy: { select: { id: true, name: true, orgRole: true, memberships: { select: { teamId: true, role: true } } } },
		},
	})
	if (!invite) return { status: 'invalid' }
	if (invite.usedAt) return { status: 'used', teamName: invite.team.name }
	if (invite.expiresAt.getTime() <= Date.now()) return { status: 'expired', teamName: invite.team.name }
	// An invite is only as good as its creator's right to make it, checked now, not when it was made.
	const creator = invite.createdBy
	const creatorRole = creator.memberships.find((membership) => membership.teamId === invite.team.id)?.role ?? null
	if (!mayInviteToTeam({ id: creator.id, orgRole: creator.orgRole, teamRole: creatorRole }, invite.role))
		return { status: 'withdrawn', teamName: invite.team.name }
	return {
		status: 'valid',
		id: invite.id,
		organizationId: invite.organizationId,
		organizationName: invite.organization.name,
		teamId: invite.team.id,
		teamName: invite.team.name,
		role: invite.role,
		invitedBy: invite.createdBy.name,
		email: invite.email,
	}
}

/** Someone tried to accept an invite with an address other than the one it was sent to. */
export class InviteAddressError extends Error {
	constructor(public readonly inviteEmail: string) {
		super(`This invite was sent to ${inviteEmail}, and only that address can accept it. Use that address, or ask whoever invited you for an invite to yours.`)
	}
}

/** A signed-in member whose address is not confirmed yet cannot take an invite's team and role. */
export class UnverifiedAddressError extends Error {
	constructor() {
		super('Confirm your e-mail address first (Settings has the link to send it again), then open this invite again.')
	}
}

export class InviteNoLongerValidError extends Error {
	constructor() {
		super('This invite was used or expired a moment ago. Ask your lead for a new link.')
	}
}

/** Registers a new user through a valid invite. Claiming the invite and creating the user happen atomically. */
export async function acceptInviteAsNewUser(invite: Extract<InviteState, { status: 'valid' }>, input: { name: string; email: string; password: string }) {
	if (invite.email && input.email !== invite.email) throw new InviteAddressError(invite.email)
	const passwordHash = await hashPassword(input.password)
	try {
		return await getPrisma().$transaction(async (tx) => {
			const user = await tx.user.create({
				data: {
					organizationId: invite.organizationId,
					name: input.name,
					email: input.email,
					passwordHash,
					orgRole: 'member',
					// The link was mailed to this address, so arriving through it confirms the address; a bare link confirms nothing.
					emailVerifiedAt: invite.email ? new Date() : null,
				},
				select: { id: true, organizationId: true },
			})
			if (!invite.email) await queueVerificationMail(tx, { ...user, name: input.name, email: input.email })
			await claimInvite(tx, invite, user.id)
			return user
		})
	} catch (error) {
		if (isUniqueViolation(error)) throw new EmailTakenError()
		throw error
	}
}

/** Adds an already signed-in member of the same organisation to the invite's team, if the invite is for their confirmed address. */
export async function acceptInviteAsMember(invite: Extract<InviteState, { status: 'valid' }>, userId: string) {
	await getPrisma().$transaction(async (tx) => {
		const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } })
		if (invite.email && user.email !== invite.email) throw new InviteAddressError(invite.email)
		if (!user.emailVerifiedAt) throw new UnverifiedAddressError()
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
