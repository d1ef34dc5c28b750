import { randomBytes } from 'node:crypto'
import type { AccountTokenPurpose, Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import { hashToken } from '#app/utils/session.server.ts'

// Single-use tokens sent by mail (ADR 028): a password reset link or an address confirmation.
// The link carries the token; the database keeps only its SHA-256, as for sessions and invites.

import { EMAIL_VERIFICATION_HOURS, PASSWORD_RESET_MINUTES } from '#app/accounts/mail-links.ts'

const LIFETIME_MS: Record<AccountTokenPurpose, number> = {
	password_reset: PASSWORD_RESET_MINUTES * 60_000,
	email_verification: EMAIL_VERIFICATION_HOURS * 60 * 60_000,
}

type Db = PrismaClient | Prisma.TransactionClient

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/

/** Stores a new token's hash and returns the token itself, which only the mail will hold. */
export async function issueAccountToken(
	db: Db,
	input: { organizationId: string; userId: string; purpose: AccountTokenPurpose; email: string; now?: Date },
): Promise<{ token: string; expiresAt: Date }> {
	const now = input.now ?? new Date()
	const token = randomBytes(32).toString('base64url')
	const expiresAt = new Date(now.getTime() + LIFETIME_MS[input.purpose])
	await db.accountToken.create({
		data: { organizationId: input.organizationId, userId: input.userId, purpose: input.purpose, email: input.email, tokenHash: hashToken(token), expiresAt },
		select: { id: true },
	})
	return { token, expiresAt }
}

export type AccountTokenState =
	| { status: 'invalid' | 'used' | 'expired' }
	| { status: 'valid'; id: string; userId: string; organizationId: string; email: string; user: { name: string; email: string } }

/** What a token in a link is, without using it up. */
export async function findAccountToken(db: Db, token: string, purpose: AccountTokenPurpose, now = new Date()): Promise<AccountTokenState> {
	if (!TOKEN_SHAPE.test(token)) return { status: 'invalid' }
	const found = await db.accountToken.findUnique({
		where: { tokenHash: hashToken(token) },
		select: {
			id: true,
			purpose: true,
			userId: true,
			organizationId: true,
			email: true,
			usedAt: true,
			expiresAt: true,
			user: { select: { name: true, email: true } },
		},
	})
	if (!found || found.purpose !== purpose) return { status: 'invalid' }
	if (found.usedAt) return { status: 'used' }
	if (found.expiresAt.getTime() <= now.getTime()) return { status: 'expired' }
	return { status: 'valid', id: found.id, userId: found.userId, organizationId: found.organizationId, email: found.email, user: found.user }
}

/**
 * Uses a token up, inside the caller's transaction: the conditional update is what makes it
 * single-use when the same link is opened twice at once. Null when it was not valid.
 */
export async function consumeAccountToken(tx: Prisma.TransactionClient, token: string, purpose: AccountTokenPurpose, now = new Date()) {
	const state = await findAccountToken(tx, token, purpose, now)
	if (state.status !== 'valid') return null
	const claimed = await tx.accountToken.updateMany({ where: { id: state.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } })
	return claimed.count === 1 ? state : null
}

/** Ends a user's other unused tokens of one kind, so only the newest link works. */
export function retireAccountTokens(db: Db, userId: string, purpose: AccountTokenPurpose, now = new Date()) {
	return db.accountToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } })
}
