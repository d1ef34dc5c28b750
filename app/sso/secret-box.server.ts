import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import { getEnv } from '#app/utils/env.server.ts'

// The identity provider's client secret is stored encrypted (AES-256-GCM) under a key derived
// from SESSION_SECRET, so a copy of the database alone does not reveal it. A changed
// SESSION_SECRET makes stored secrets unreadable: the admin enters the secret again (ADR 030).
const VERSION = 'v1'

function keyFrom(secret: string) {
	return Buffer.from(hkdfSync('sha256', secret, 'hardmode-sso', 'client-secret', 32))
}

export function encryptSecret(plain: string, secret = getEnv().SESSION_SECRET) {
	const iv = randomBytes(12)
	const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv)
	const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
	return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.')
}

/** The plain secret, or null when it was encrypted under another key or altered. */
export function decryptSecret(sealed: string, secret = getEnv().SESSION_SECRET): string | null {
	const [version, iv, tag, body] = sealed.split('.')
	if (version !== VERSION || !iv || !tag || body === undefined) return null
	try {
		const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64url'))
		decipher.setAuthTag(Buffer.from(tag, 'base64url'))
		return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
	} catch {
		return null
	}
}
