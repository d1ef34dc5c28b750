// Two-factor sign-in's records (ADR 029): the encrypted TOTP secret, the recovery codes (hashed,
// single use) and the step between a correct password and the code.
import QRCode from 'qrcode'
import { checkTotp, groupSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, totpUri } from '#app/accounts/two-factor.ts'
import { openSecret, sealSecret } from '#app/utils/secret-box.server.ts'
import { getPrisma } from '#app/utils/db.server.ts'
import { hashToken, newSessionToken } from '#app/utils/session.server.ts'
import { recordAudit } from './audit.server.ts'

// Long enough to open the app and type a code; short enough that a forgotten tab is not half signed in for long.
export const CHALLENGE_TTL_MS = 5 * 60 * 1000

type Person = { id: string; organizationId: string }

export async function twoFactorStatus(userId: string) {
	const prisma = getPrisma()
	const [record, recoveryCodesLeft] = await Promise.all([
		prisma.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
		prisma.recoveryCode.count({ where: { userId, usedAt: null } }),
	])
	return { enabled: Boolean(record?.enabledAt), enabledAt: record?.enabledAt ?? null, settingUp: Boolean(record && !record.enabledAt), recoveryCodesLeft }
}

/** What an authenticator app needs: the QR code (a data URL) and the secret as text. */
async function enrolment(secret: string, email: string) {
	const uri = totpUri(secret, email)
	return { qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200, errorCorrectionLevel: 'M' }), secret: groupSecret(secret), uri }
}

/** Starts (or restarts) setting up: a new secret, not yet on. Refused while two-factor sign-in is on. */
export async function startTwoFactorSetup(user: { id: string; email: string }) {
	const prisma = getPrisma()
	const existing = await prisma.twoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } })
	if (existing?.enabledAt) return { ok: false as const, message: 'Two-factor sign-in is already on.' }
	const secret = newTotpSecret()
	const secretEncrypted = sealSecret('two-factor', secret)
	await prisma.twoFactor.upsert({
		where: { userId: user.id },
		create: { userId: user.id, secretEncrypted },
		update: { secretEncrypted, lastTimeStep: null },
		select: { userId: true },
	})
	return { ok: true as const }
}

/** The set-up in progress, to show again on the page, or null. */
export async function pendingEnrolment(user: { id: string; email: string }) {
	const record = await getPrisma().twoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true, secretEncrypted: true } })
	if (!record || record.enabledAt) return null
	const secret = openSecret('two-factor', record.secretEncrypted)
	return secret ? enrolment(secret, user.email) : null
}

export async function cancelTwoFactorSetup(userId: string) {
	await getPrisma().twoFactor.deleteMany({ where: { userId, enabledAt: null } })
}

async function storeRecoveryCodes(tx: Parameters<Parameters<ReturnType<typeof getPrisma>['$transaction']>[0]>[0], userId: string) {
	const codes = newRecoveryCodes()
	await tx.recoveryCode.deleteMany({ where: { userId } })
	await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) })
	return codes
}

export type CodeResult = { ok: true } | { ok: false; message: string }

const WRONG_CODE = 'That code is not right. Type the six digits your app shows now.'
const USED_CODE = 'That code was used already. Wait for the next one in your app.'

/**
 * Checks an app code and records its time step in the same statement that accepts it, so two
 * requests with one code cannot both pass.
 */
export async function acceptAppCode(userId: string, code: string, now = new Date(), options: { enabled: boolean } = { enabled: true }): Promise<CodeResult> {
	const prisma = getPrisma()
	const record = await prisma.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true, secretEncrypted: true, lastTimeStep: true } })
	if (!record || Boolean(record.enabledAt) !== options.enabled) return { ok: false, message: WRONG_CODE }
	const secret = openSecret('two-factor', record.secretEncrypted)
	if (!secret) return { ok: false, message: 'Your two-factor secret cannot be read (the server’s SESSION_SECRET changed). Use a recovery code.' }
	const check = checkTotp(secret, code, { now, lastTimeStep: record.lastTimeStep })
	if (!check.valid) return { ok: false, message: check.reason === 'used' ? USED_CODE : WRONG_CODE }
	const { count } = await prisma.twoFactor.updateMany({
		where: { userId, OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: check.timeStep } }] },
		data: { lastTimeStep: check.timeStep },
	})
	return count === 1 ? { ok: true } : { ok: false, message: USED_CODE }
}

/** Turns two-factor sign-in on with the first code from the app; returns the recovery codes to show once. */
export async function confirmTwoFactorSetup(person: Person, code: string, now = new Date()) {
	const accepted = await acceptAppCode(person.id, code, now, { enabled: false })
	if (!accepted.ok) return accepted
	const codes = await getPrisma().$transaction(async (tx) => {
		await tx.twoFactor.update({ where: { userId: person.id }, data: { enabledAt: now }, select: { userId: true } })
		await recordAudit(
			{ organizationId: person.organizationId, actorId: person.id, action: 'user.two_factor_enabled', targetType: 'User', targetId: person.id },
			tx,
		)
		return storeRecoveryCodes(tx, person.id)
	})
	return { ok: true as const, recoveryCodes: codes }
}

export async function regenerateRecoveryCodes(person: Person) {
	return getPrisma().$transaction(async (tx) => {
		await recordAudit(
			{ organizationId: person.organizationId, actorId: person.id, action: 'user.recovery_codes_regenerated', targetType: 'User', targetId: person.id },
			tx,
		)
		return storeRecoveryCodes(tx, person.id)
	})
}

export async function disableTwoFactor(person: Person) {
	await getPrisma().$transaction(async (tx) => {
		await tx.twoFactor.deleteMany({ where: { userId: person.id } })
		await tx.recoveryCode.deleteMany({ where: { userId: person.id } })
		await recordAudit(
			{ organizationId: person.organizationId, actorId: person.id, action: 'user.two_factor_disabled', targetType: 'User', targetId: person.id },
			tx,
		)
	})
}

/** Spends one recovery code (once: a second use of the same code fails), and records how many are left. */
export async function spendRecoveryCode(person: Person, input: string): Promise<CodeResult & { left?: number }> {
	if (!normalizeRecoveryCode(input)) return { ok: false, message: 'That is not a recovery code. They look like k7fq-2m9x-hd4p-wr3c.' }
	const prisma = getPrisma()
	return prisma.$transaction(async (tx) => {
		const { count } = await tx.recoveryCode.updateMany({
			where: { userId: person.id, codeHash: hashRecoveryCode(input), usedAt: null },
			data: { usedAt: new Date() },
		})
		if (count !== 1) return { ok: false as const, message: 'That recovery code is not right, or was used already.' }
		const left = await tx.recoveryCode.count({ where: { userId: person.id, usedAt: null } })
		await recordAudit(
			{
				organizationId: person.organizationId,
				actorId: person.id,
				action: 'user.recovery_code_used',
				targetType: 'User',
				targetId: person.id,
				detail: { left },
			},
			tx,
		)
		return { ok: true as const, left }
	})
}

export async function hasTwoFactor(userId: string) {
	return (await getPrisma().twoFactor.count({ where: { userId, enabledAt: { not: null } } })) > 0
}

// --- The step between the password and the code ---

export async function createChallenge(userId: string, redirectTo: string | undefined, now = new Date()) {
	const token = newSessionToken()
	const prisma = getPrisma()
	// One half-finished sign-in per person at a time, and none left over from before.
	await prisma.twoFactorChallenge.deleteMany({ where: { OR: [{ userId }, { expiresAt: { lte: now } }] } })
	await prisma.twoFactorChallenge.create({
		data: { tokenHash: hashToken(token), userId, redirectTo: redirectTo || null, expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS) },
		select: { id: true },
	})
	return token
}

/** The challenge behind a token, if it is still current and its person may still sign in. */
export async function findChallenge(token: string, now = new Date()) {
	const challenge = await getPrisma().twoFactorChallenge.findUnique({
		where: { tokenHash: hashToken(token) },
		select: { id: true, expiresAt: true, redirectTo: true, user: { select: { id: true, email: true, organizationId: true, removedAt: true } } },
	})
	if (!challenge || challenge.expiresAt <= now || challenge.user.removedAt) return null
	return {
		id: challenge.id,
		redirectTo: challenge.redirectTo,
		user: { id: challenge.user.id, email: challenge.user.email, organizationId: challenge.user.organizationId },
	}
}

/** Ends a challenge; false if another request ended it first. */
export async function consumeChallenge(id: string) {
	return (await getPrisma().twoFactorChallenge.deleteMany({ where: { id } })).count === 1
}
