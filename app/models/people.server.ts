// An admin's view of the organisation's people and what they can do about their accounts
// (ADR 029): remove someone (softly: their work stays, attributed), end their sessions, lift a
// log-in lockout. Every action is in the activity log.
import { getPrisma } from '#app/utils/db.server.ts'
import { liftLoginLockout, loginLockout } from '#app/utils/rate-limit.server.ts'
import { recordAudit } from './audit.server.ts'

export type PeopleResult = { ok: true; message: string } | { ok: false; status: 400 | 403 | 404; message: string }

/** Everyone in the organisation with their teams, last sign-in, open sessions, two-factor sign-in and any lockout; and who was removed. */
export async function listPeople(organizationId: string, now = new Date()) {
	const prisma = getPrisma()
	const [members, removed] = await Promise.all([
		prisma.user.findMany({
			where: { organizationId, removedAt: null },
			orderBy: { name: 'asc' },
			select: {
				id: true,
				name: true,
				email: true,
				orgRole: true,
				lastSignInAt: true,
				twoFactor: { select: { enabledAt: true } },
				_count: { select: { sessions: { where: { expiresAt: { gt: now } } } } },
				memberships: { select: { role: true, team: { select: { id: true, name: true } } } },
			},
		}),
		prisma.user.findMany({
			where: { organizationId, removedAt: { not: null } },
			orderBy: { removedAt: 'desc' },
			select: { id: true, name: true, email: true, removedAt: true },
		}),
	])
	const people = await Promise.all(
		members.map(async (member) => ({
			id: member.id,
			name: member.name,
			email: member.email,
			orgRole: member.orgRole,
			lastSignInAt: member.lastSignInAt,
			twoFactor: Boolean(member.twoFactor?.enabledAt),
			sessions: member._count.sessions,
			lockedUntil: await loginLockout(member),
			memberships: member.memberships,
		})),
	)
	return { people, removed: removed.map((person) => ({ ...person, removedAt: person.removedAt! })) }
}

type Action = { organizationId: string; actorId: string; userId: string }

const NOT_FOUND = { ok: false as const, status: 404 as const, message: 'That person was not found in your organisation.' }

function findMember(action: Action) {
	return getPrisma().user.findFirst({
		where: { id: action.userId, organizationId: action.organizationId, removedAt: null },
		select: { id: true, name: true, email: true, orgRole: true },
	})
}

/**
 * Removes someone from the organisation: they cannot sign in or be assigned, every session and
 * team membership ends, their unused invite links stop working. Their attempts, reviews and notes
 * stay, under their name. An admin cannot remove themself or the last admin.
 */
export async function removeMember(action: Action, now = new Date()): Promise<PeopleResult> {
	if (action.userId === action.actorId) {
		return { ok: false, status: 400, message: 'You cannot remove yourself. Another admin can, or make someone else an admin and ask them.' }
	}
	return getPrisma().$transaction(async (tx) => {
		// One removal at a time per organisation, so two admins removing each other at once cannot leave it with none.
		await tx.$executeRaw`SELECT 1 FROM "Organization" WHERE "id" = ${action.organizationId} FOR UPDATE`
		const actor = await tx.user.findFirst({
			where: { id: action.actorId, organizationId: action.organizationId, orgRole: 'admin', removedAt: null },
			select: { id: true },
		})
		if (!actor) return { ok: false as const, status: 403 as const, message: 'Only organisation admins can remove people.' }
		const person = await tx.user.findFirst({
			where: { id: action.userId, organizationId: action.organizationId, removedAt: null },
			select: { id: true, name: true, orgRole: true },
		})
		if (!person) return NOT_FOUND
		if (person.orgRole === 'admin') {
			const admins = await tx.user.count({ where: { organizationId: action.organizationId, orgRole: 'admin', removedAt: null } })
			if (admins <= 1)
				return { ok: false as const, status: 400 as const, message: 'An organisation needs at least one admin. Make someone else an admin first.' }
		}
		await tx.user.update({ where: { id: person.id }, data: { removedAt: now, orgRole: 'member' }, select: { id: true } })
		const [memberships, sessions] = await Promise.all([
			tx.membership.deleteMany({ where: { userId: person.id } }),
			tx.session.deleteMany({ where: { userId: person.id } }),
			tx.twoFactorChallenge.deleteMany({ where: { userId: person.id } }),
			tx.invite.deleteMany({ where: { createdById: person.id, usedAt: null } }),
		])
		await recordAudit(
			{
				organizationId: action.organizationId,
				actorId: action.actorId,
				action: 'user.removed',
				targetType: 'User',
				targetId: person.id,
				detail: { teams: memberships.count, sessions: sessions.count },
			},
			tx,
		)
		return { ok: true as const, message: `${person.name} was removed from the organisation. Their attempts and reviews stay under their name.` }
	})
}

/** Signs someone out of every browser. */
export async function endSessionsOf(action: Action): Promise<PeopleResult> {
	const person = await findMember(action)
	if (!person) return NOT_FOUND
	const { count } = await getPrisma().session.deleteMany({ where: { userId: person.id } })
	await recordAudit({
		organizationId: action.organizationId,
		actorId: action.actorId,
		action: 'user.sessions_ended',
		targetType: 'User',
		targetId: person.id,
		detail: { sessions: count },
	})
	return { ok: true, message: `${person.name} was signed out of ${count} ${count === 1 ? 'browser' : 'browsers'}.` }
}

/** Forgets someone's wrong passwords and codes, so they can sign in again at once. */
export async function liftLockoutOf(action: Action): Promise<PeopleResult> {
	const person = await findMember(action)
	if (!person) return NOT_FOUND
	await liftLoginLockout(person)
	await recordAudit({ organizationId: action.organizationId, actorId: action.actorId, action: 'user.lockout_lifted', targetType: 'User', targetId: person.id })
	return { ok: true, message: `${person.name} can sign in again.` }
}

/** Whether admins and leads must use two-factor sign-in; how many of them have not set it up. */
export async function twoFactorRequirement(organizationId: string) {
	const prisma = getPrisma()
	const [organization, missing] = await Promise.all([
		prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { twoFactorRequired: true } }),
		prisma.user.count({
			where: {
				organizationId,
				removedAt: null,
				OR: [{ orgRole: 'admin' }, { memberships: { some: { role: 'lead' } } }],
				NOT: { twoFactor: { is: { enabledAt: { not: null } } } },
			},
		}),
	])
	return { required: organization.twoFactorRequired, withoutTwoFactor: missing }
}

export async function setTwoFactorRequirement(input: { organizationId: string; actorId: string; required: boolean }) {
	await getPrisma().$transaction(async (tx) => {
		await tx.organization.update({ where: { id: input.organizationId }, data: { twoFactorRequired: input.required }, select: { id: true } })
		await recordAudit(
			{
				organizationId: input.organizationId,
				actorId: input.actorId,
				action: input.required ? 'organization.two_factor_required' : 'organization.two_factor_optional',
				targetType: 'Organization',
				targetId: input.organizationId,
			},
			tx,
		)
	})
}
