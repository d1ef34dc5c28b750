// Secrets Hardmode must read back (a TOTP secret, an identity provider's client secret) are
// stored sealed: AES-256-GCM under a key derived from SESSION_SECRET by HKDF, one key per
// purpose, so a copy of the database alone reveals none of them (ADR 029, ADR 030). A changed
// SESSION_SECRET makes them unreadable: people set up two-factor sign-in again and the admin
// enters the client secret again.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { getEnv } from '#app/utils/env.server.ts'

const VERSION = 'v1'

/** What a sealed secret is for; each purpose has its own key, so one kind cannot be opened as another. */
export type SecretPurpose = 'two-factor' | 'sso-client-secret'

const DERIVATION: Record<SecretPurpose, { salt: string; info: string }> = {
	'two-factor': { salt: 'hardmode', info: 'two-factor secret v1' },
	'sso-client-secret': { salt: 'hardmode-sso', info: 'client-secret' },
}

function keyFor(purpose: SecretPurpose, sessionSecret: string) {
	const { salt, info } = DERIVATION[purpose]
	return Buffer.from(hkdfSync('sha256', sessionSecret, salt, info, 32))
}

export function sealSecret(purpose: SecretPurpose, plain: string, sessionSecret = getEnv().SESSION_SECRET) {
	const iv = randomBytes(12)
	const cipher = createCipheriv('aes-256-gcm', keyFor(purpose, sessionSecret), iv)
	const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
	return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
}

/** The plain secret, or null when it was sealed for another purpose, under another SESSION_SECRET, or altered. */
export function openSecret(purpose: SecretPurpose, sealed: string, sessionSecret = getEnv().SESSION_SECRET): string | null {
	const [version, iv, tag, body] = sealed.split('.')
	if (version !== VERSION || !iv || !tag || body === undefined) return null
	try {
		const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose, sessionSecret), Buffer.from(iv, 'base64url'))
		decipher.setAuthTag(Buffer.from(tag, 'base64url'))
		return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
	} catch {
		return null
	}
}
