import { setTimeout as sleep } from 'node:timers/promises'
import { RateLimiterRes } from 'rate-limiter-flexible'
import { passwordResetMail } from '#app/mail/messages.ts'
import { enqueueMail, publicLink } from '#app/mail/outbox.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { sharedLimit, type SharedLimit } from '#app/utils/shared-limit.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { PASSWORD_RESET_MINUTES, RESET_LINK_UNUSABLE } from '#app/accounts/mail-links.ts'
import { consumeAccountToken, issueAccountToken, retireAccountTokens } from './account-token.server.ts'
import { recordAudit } from './audit.server.ts'

// Password reset by mail (ADR 028). The request answers the same, after the same time, whether
// or not an account has the address; the reset ends every session of the account.

// Every request takes at least this long, so a known address (a token and a message written)
// cannot be told from an unknown one by timing.
const ANSWER_FLOOR_MS = 400

// As for log-ins (rate-limit.server.ts): an address may ask a few dozen times per window; one
// account gets at most three links per window, silently, so nobody can flood someone's inbox.
// Counted in the database, for every web instance together (ADR 033).
export const RESET_REQUESTS_PER_ADDRESS = 20
export const RESET_MAILS_PER_ACCOUNT = 3
const WINDOW_SECONDS = 15 * 60
const byAddress = sharedLimit({ points: RESET_REQUESTS_PER_ADDRESS, duration: WINDOW_SECONDS, keyPrefix: 'reset-ip' })
const byAccount = sharedLimit({ points: RESET_MAILS_PER_ACCOUNT, duration: WINDOW_SECONDS, keyPrefix: 'reset-account' })

async function take(limiter: SharedLimit, key: string) {
	try {
		await limiter.consume(key, 1)
		return null
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
		throw rejection
	}
}

export type ResetRequestAnswer = { limited: false } | { limited: true; retryAfterSeconds: number }

/** Sends a reset link to the address if an account has it; the answer never says whether one does. */
export async function requestPasswordReset(email: string, ip: string): Promise<ResetRequestAnswer> {
	const started = Date.now()
	const retryAfterSeconds = await take(byAddress, ip)
	if (retryAfterSeconds !== null) return { limited: true, retryAfterSeconds }
	try {
		await sendResetLink(email)
	} finally {
		await sleep(Math.max(0, ANSWER_FLOOR_MS - (Date.now() - started)))
	}
	return { limited: false }
}

async function sendResetLink(email: string) {
	const prisma = getPrisma()
	const user = await prisma.user.findUnique({
		where: { email },
		select: { id: true, name: true, email: true, organizationId: true, organization: { select: { name: true } } },
	})
	if (!user) return
	if ((await take(byAccount, user.id)) !== null) return
	await prisma.$transaction(async (tx) => {
		// Only the newest link works: an older one lying in the inbox is retired.
		await retireAccountTokens(tx, user.id, 'password_reset')
		// Sent to the account's own address, never to one waiting for confirmation (that is another token's email).
		const { token } = await issueAccountToken(tx, { organizationId: user.organizationId, userId: user.id, purpose: 'password_reset', email: user.email })
		const content = passwordResetMail({
			name: user.name,
			email: user.email,
			organizationName: user.organization.name,
			link: publicLink(`/reset-password/${token}`),
			minutes: PASSWORD_RESET_MINUTES,
		})
		await enqueueMail(tx, { organizationId: user.organizationId, to: user.email, kind: 'password-reset', ...content })
		await recordAudit(
			{ organizationId: user.organizationId, actorId: user.id, action: 'user.password_reset_requested', targetType: 'User', targetId: user.id },
			tx,
		)
	})
}

export type ResetResult = { ok: true; organizationId: string; sessionsEnded: number } | { ok: false; message: string }

/** Sets the new password through a reset token, and ends every session of the account. */
export async function resetPassword(token: string, newPassword: string): Promise<ResetResult> {
	const passwordHash = await hashPassword(newPassword)
	return getPrisma().$transaction(async (tx) => {
		const now = new Date()
		const used = await consumeAccountToken(tx, token, 'password_reset', now)
		if (!used) return { ok: false as const, message: RESET_LINK_UNUSABLE }
		// A link sent before the account changed its address proves nothing about the new one.
		if (used.user.email !== used.email) return { ok: false as const, message: RESET_LINK_UNUSABLE }
		const user = await tx.user.findUniqueOrThrow({ where: { id: used.userId }, select: { emailVerifiedAt: true } })
		await tx.user.update({
			where: { id: used.userId },
			// Opening the link proves the address, so it counts as confirmed from now on.
			data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now },
			select: { id: true },
		})
		const { count } = await tx.session.deleteMany({ where: { userId: used.userId } })
		await retireAccountTokens(tx, used.userId, 'password_reset', now)
		await recordAudit(
			{
				organizationId: used.organizationId,
				actorId: used.userId,
				action: 'user.password_reset',
				targetType: 'User',
				targetId: used.userId,
				detail: { sessions: count },
			},
			tx,
		)
		return { ok: true as const, organizationId: used.organizationId, sessionsEnded: count }
	})
}
