// The TOTP secret at rest (ADR 029): AES-256-GCM with a key derived from SESSION_SECRET by
// HKDF, so a copy of the database alone does not let anyone make someone's codes.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { getEnv } from '#app/utils/env.server.ts'

const VERSION = 'v1'

function keyFrom(sessionSecret: string) {
	return Buffer.from(hkdfSync('sha256', sessionSecret, 'hardmode', 'two-factor secret v1', 32))
}

export function encryptSecret(plain: string, sessionSecret = getEnv().SESSION_SECRET) {
	const iv = randomBytes(12)
	const cipher = createCipheriv('aes-256-gcm', keyFrom(sessionSecret), iv)
	const encrypted = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
	return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), encrypted.toString('base64url')].join('.')
}

/** The secret, or null when it was sealed with another SESSION_SECRET or altered. */
export function decryptSecret(sealed: string, sessionSecret = getEnv().SESSION_SECRET): string | null {
	const [version, iv, tag, encrypted] = sealed.split('.')
	if (version !== VERSION || !iv || !tag || !encrypted) return null
	try {
		const decipher = createDecipheriv('aes-256-gcm', keyFrom(sessionSecret), Buffer.from(iv, 'base64url'))
		decipher.setAuthTag(Buffer.from(tag, 'base64url'))
		return Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64url')), decipher.final()]).toString('utf8')
	} catch {
		return null
	}
}
