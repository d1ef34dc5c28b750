import { getPrisma } from '#app/utils/db.server.ts'
import { hashPassword, verifyPassword } from '#app/utils/password.server.ts'
import { recordAudit } from './audit.server.ts'

// A fixed argon2id hash to verify against when the e-mail is unknown, so a login for a
// missing account takes as long as one for a real account (no user enumeration by timing).
let dummyHash: Promise<string> | undefined

/** The user if the e-mail and password match, otherwise null. */
export async function verifyLogin(email: string, password: string) {
	const user = await getPrisma().user.findUnique({
		where: { email },
		select: { id: true, organizationId: true, passwordHash: true, removedAt: true },
	})
	// Someone removed from their organisation cannot sign in; the answer is the same as for a wrong password.
	if (!user || user.removedAt) {
		dummyHash ??= hashPassword('not-a-real-password-just-for-timing')
		await verifyPassword(await dummyHash, password)
		return null
	}
	return (await verifyPassword(user.passwordHash, password)) ? { id: user.id, organizationId: user.organizationId } : null
}

export async function updateName(input: { userId: string; organizationId: string; name: string }) {
	await getPrisma().user.update({ where: { id: input.userId, organizationId: input.organizationId }, data: { name: input.name }, select: { id: true } })
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(input: {
	userId: string
	organizationId: string
	currentSessionId: string
	currentPassword: string
	newPassword: string
}) {
	const prisma = getPrisma()
	const user = await prisma.user.findFirst({ where: { id: input.userId, organizationId: input.organizationId }, select: { passwordHash: true } })
	if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) return { ok: false as const }
	const passwordHash = await hashPassword(input.newPassword)
	await prisma.$transaction(async (tx) => {
		await tx.user.update({ where: { id: input.userId }, data: { passwordHash }, select: { id: true } })
		await tx.session.deleteMany({ where: { userId: input.userId, id: { not: input.currentSessionId } } })
		await recordAudit(
			{ organizationId: input.organizationId, actorId: input.userId, action: 'user.password_changed', targetType: 'User', targetId: input.userId },
			tx,
		)
	})
	return { ok: true as const }
}

export async function endAllSessions(input: { userId: string; organizationId: string }) {
	const { count } = await getPrisma().session.deleteMany({ where: { userId: input.userId, organizationId: input.organizationId } })
	await recordAudit({
		organizationId: input.organizationId,
		actorId: input.userId,
		action: 'user.logged_out_everywhere',
		targetType: 'User',
		targetId: input.userId,
		detail: { sessions: count },
	})
	return count
}

export function countActiveSessions(userId: string) {
	return getPrisma().session.count({ where: { userId, expiresAt: { gt: new Date() } } })
}
