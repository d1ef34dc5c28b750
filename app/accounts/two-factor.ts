// Two-factor sign-in's codes (ADR 029): the six-digit time-based codes of an authenticator app
// (TOTP, RFC 6238, through otplib) and the recovery codes for a lost phone. No I/O: the model
// (app/models/two-factor.server.ts) stores what these return.
import { createHash, randomInt } from 'node:crypto'
import { generateSecret, generateURI, verifySync } from 'otplib'

export const TOTP_PERIOD_SECONDS = 30
// A code of the step before or after now is accepted too, for a phone whose clock is a little off.
const TOLERANCE_SECONDS = TOTP_PERIOD_SECONDS

export const RECOVERY_CODE_COUNT = 10

export function newTotpSecret() {
	return generateSecret()
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function totpUri(secret: string, email: string) {
	return generateURI({ issuer: 'Hardmode', label: email, secret })
}

/** A secret shown as text, in groups of four, for typing into an app by hand. */
export function groupSecret(secret: string) {
	return secret.replace(/(.{4})(?=.)/g, '$1 ')
}

export type TotpCheck = { valid: true; timeStep: number } | { valid: false; reason: 'wrong' | 'used' }

/**
 * Checks a six-digit code against the secret at `now`, within one step either side. A code whose
 * step is not after `lastTimeStep` (the last code accepted) was used already, or is older than it:
 * refused, so a code seen over someone's shoulder cannot be used again.
 */
export function checkTotp(secret: string, code: string, options: { now: Date; lastTimeStep: number | null }): TotpCheck {
	const token = code.replace(/\s+/g, '')
	if (!/^\d{6}$/.test(token)) return { valid: false, reason: 'wrong' }
	const result = verifySync({ secret, token, epoch: Math.floor(options.now.getTime() / 1000), epochTolerance: TOLERANCE_SECONDS })
	// A TOTP result always carries its step; the union type also covers HOTP's.
	if (!result.valid || !('timeStep' in result)) return { valid: false, reason: 'wrong' }
	if (options.lastTimeStep !== null && result.timeStep <= options.lastTimeStep) return { valid: false, reason: 'used' }
	return { valid: true, timeStep: result.timeStep }
}

/** Whether what someone typed at the code step is an app code (six digits) rather than a recovery code. */
export function looksLikeTotp(input: string) {
	return /^\d{6}$/.test(input.replace(/\s+/g, ''))
}

// Crockford's base32 letters without i, l, o and u: nothing to misread when copying from paper.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'
const GROUPS = 4
const GROUP_LENGTH = 4

/** Ten fresh recovery codes like `k7fq-2m9x-hd4p-wr3c` (80 random bits each, so a fast hash suffices). */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
	return Array.from({ length: count }, () =>
		Array.from({ length: GROUPS }, () => Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join('-'),
	)
}

/** A recovery code as typed (any case, spaces or dashes) in the form it is hashed in, or null if it cannot be one. */
export function normalizeRecoveryCode(input: string): string | null {
	const compact = input.toLowerCase().replace(/[\s-]+/g, '')
	return compact.length === GROUPS * GROUP_LENGTH && [...compact].every((c) => ALPHABET.includes(c)) ? compact : null
}

/** What is stored for a recovery code: a SHA-256 of its normalised form. */
export function hashRecoveryCode(code: string) {
	const normalized = normalizeRecoveryCode(code)
	if (!normalized) throw new Error('Not a recovery code.')
	return createHash('sha256').update(`hardmode-recovery-code:${normalized}`).digest('hex')
}
