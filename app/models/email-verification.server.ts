import { RateLimiterRes } from 'rate-limiter-flexible'
import { Prisma } from '#app/generated/prisma/client.ts'
import { emailVerificationMail } from '#app/mail/messages.ts'
import { enqueueMail, publicLink } from '#app/mail/outbox.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { sharedLimit } from '#app/utils/shared-limit.server.ts'
import { verifyPassword } from '#app/utils/password.server.ts'
import { EMAIL_VERIFICATION_HOURS, VERIFICATION_LINK_UNUSABLE } from '#app/accounts/mail-links.ts'
import { consumeAccountToken, findAccountToken, issueAccountToken, retireAccountTokens } from './account-token.server.ts'
import { recordAudit } from './audit.server.ts'

// Confirming an address (ADR 028). A new account's address is unconfirmed until its owner opens
// the mailed link; a new address replaces the account's only once confirmed, so until then resets
// and invites keep going to the address the account has proven.

type Tx = Prisma.TransactionClient

/** Queues a confirmation link for `email` (the account's own, or the one it is changing to). */
export async function queueVerificationMail(tx: Tx, user: { id: string; organizationId: string; name: string; email: string }, email = user.email) {
	await retireAccountTokens(tx, user.id, 'email_verification')
	const { token } = await issueAccountToken(tx, { organizationId: user.organizationId, userId: user.id, purpose: 'email_verification', email })
	const content = emailVerificationMail({
		name: user.name,
		email,
		link: publicLink(`/verify-email/${token}`),
		hours: EMAIL_VERIFICATION_HOURS,
		change: email !== user.email,
	})
	await enqueueMail(tx, { organizationId: user.organizationId, to: email, kind: 'email-verification', ...content })
}

// "Send again" and address changes: a few per quarter hour per account, so nobody floods an inbox
// (counted in the database, for every web instance together: ADR 033).
export const VERIFICATION_MAILS_PER_ACCOUNT = 5
const sends = sharedLimit({ points: VERIFICATION_MAILS_PER_ACCOUNT, duration: 15 * 60, keyPrefix: 'verify-account' })

async function takeSend(userId: string) {
	try {
		await sends.consume(userId, 1)
		return null
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
		throw rejection
	}
}

export type SendResult = { ok: true; email: string } | { ok: false; status: number; message: string }

/** The signed-in person asks for the link again: to the address waiting for confirmation, else their own. */
export async function resendVerification(userId: string): Promise<SendResult> {
	const prisma = getPrisma()
	const user = await prisma.user.findUniqueOrThrow({
		where: { id: userId },
		select: { id: true, organizationId: true, name: true, email: true, emailVerifiedAt: true },
	})
	const pending = await pendingAddress(userId)
	if (user.emailVerifiedAt && !pending) return { ok: false, status: 400, message: 'Your address is already confirmed.' }
	const wait = await takeSend(userId)
	if (wait !== null) return { ok: false, status: 429, message: `We sent several links already. Wait ${Math.ceil(wait / 60)} minutes, then ask again.` }
	const email = pending ?? user.email
	await prisma.$transaction((tx) => queueVerificationMail(tx, user, email))
	return { ok: true, email }
}

/** Asks to change the account's address: checked with the current password, confirmed from the new address. */
export async function requestEmailChange(input: { userId: string; currentPassword: string; newEmail: string }): Promise<SendResult> {
	const prisma = getPrisma()
	const user = await prisma.user.findUniqueOrThrow({
		where: { id: input.userId },
		select: { id: true, organizationId: true, name: true, email: true, passwordHash: true },
	})
	if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return { ok: false, status: 400, message: 'That is not your current password.' }
	if (input.newEmail === user.email) return { ok: false, status: 400, message: 'That is already your address.' }
	const wait = await takeSend(user.id)
	if (wait !== null) return { ok: false, status: 429, message: `We sent several links already. Wait ${Math.ceil(wait / 60)} minutes, then try again.` }
	// An address another account has gets the same answer, and no mail: confirming it would fail anyway.
	const taken = await prisma.user.count({ where: { email: input.newEmail } })
	await prisma.$transaction(async (tx) => {
		if (!taken) await queueVerificationMail(tx, user, input.newEmail)
		await recordAudit(
			{ organizationId: user.organizationId, actorId: user.id, action: 'user.email_change_requested', targetType: 'User', targetId: user.id },
			tx,
		)
	})
	return { ok: true, email: input.newEmail }
}

/** The address a change is waiting to have confirmed, if any. */
export async function pendingAddress(userId: string): Promise<string | null> {
	const prisma = getPrisma()
	const [user, token] = await Promise.all([
		prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true } }),
		prisma.accountToken.findFirst({
			where: { userId, purpose: 'email_verification', usedAt: null, expiresAt: { gt: new Date() } },
			orderBy: { createdAt: 'desc' },
			select: { email: true },
		}),
	])
	return token && token.email !== user.email ? token.email : null
}

export type VerifyResult = { ok: true; email: string; changed: boolean } | { ok: false; message: string }

/** Confirms the address a token was sent to; for a change, that address becomes the account's. */
export async function confirmEmail(token: string): Promise<VerifyResult> {
	try {
		return await getPrisma().$transaction(async (tx) => {
			const now = new Date()
			const used = await consumeAccountToken(tx, token, 'email_verification', now)
			if (!used) return { ok: false as const, message: VERIFICATION_LINK_UNUSABLE }
			const changed = used.email !== used.user.email
			await tx.user.update({ where: { id: used.userId }, data: { email: used.email, emailVerifiedAt: now }, select: { id: true } })
			// Reset links went to the old address: they stop working with it.
			if (changed) await retireAccountTokens(tx, used.userId, 'password_reset', now)
			await recordAudit(
				{
					organizationId: used.organizationId,
					actorId: used.userId,
					action: changed ? 'user.email_changed' : 'user.email_verified',
					targetType: 'User',
					targetId: used.userId,
				},
				tx,
			)
			return { ok: true as const, email: used.email, changed }
		})
	} catch (error) {
		// Someone else took the address between the request and the confirmation.
		if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')
			return { ok: false, message: 'Another account uses this address now, so it cannot become yours. Choose another one under Settings.' }
		throw error
	}
}

/** Whether a confirmation link can still be used, for the page that offers to confirm it. */
export async function checkVerificationLink(token: string) {
	const state = await findAccountToken(getPrisma(), token, 'email_verification')
	return state.status === 'valid' ? { usable: true as const, email: state.email } : { usable: false as const }
}

/** Whether the account's address is confirmed, and the new address waiting for confirmation, if any. */
export async function emailStatus(userId: string) {
	const [user, pending] = await Promise.all([
		getPrisma().user.findUniqueOrThrow({ where: { id: userId }, select: { emailVerifiedAt: true } }),
		pendingAddress(userId),
	])
	return { verified: user.emailVerifiedAt !== null, pending }
}
