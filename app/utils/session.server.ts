import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { getEnv } from './env.server.ts'

// The cookie holds a random token plus an HMAC of it. The database stores only a hash
// of the token, so a leaked database cannot be replayed, and a tampered cookie is
// rejected before any query runs.
export const SESSION_COOKIE = 'hm_session'
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000
// Refresh lastSeenAt at most this often, so ordinary page views do not write.
export const SESSION_TOUCH_MS = 60 * 60 * 1000

export function newSessionToken() {
	return randomBytes(32).toString('base64url')
}

export function hashToken(token: string) {
	return createHash('sha256').update(token).digest('hex')
}

function sign(token: string, secret: string) {
	return createHmac('sha256', secret).update(token).digest('base64url')
}

export function sessionCookieValue(token: string, secret = getEnv().SESSION_SECRET) {
	return `${token}.${sign(token, secret)}`
}

/** Returns the token inside a signed cookie value, or null if it was forged or altered. */
export function verifySessionCookieValue(value: string, secret = getEnv().SESSION_SECRET): string | null {
	const dot = value.lastIndexOf('.')
	if (dot <= 0) return null
	const token = value.slice(0, dot)
	const given = Buffer.from(value.slice(dot + 1))
	const expected = Buffer.from(sign(token, secret))
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
	return token
}

export function readCookie(request: Request, name: string): string | null {
	const header = request.headers.get('Cookie')
	if (!header) return null
	for (const part of header.split(';')) {
		const eq = part.indexOf('=')
		if (eq === -1) continue
		if (part.slice(0, eq).trim() === name) {
			try {
				return decodeURIComponent(part.slice(eq + 1).trim())
			} catch {
				return null
			}
		}
	}
	return null
}

export function serializeSessionCookie(value: string, maxAgeMs: number) {
	const { SECURE_COOKIES } = getEnv()
	const parts = [`${SESSION_COOKIE}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.floor(maxAgeMs / 1000)}`]
	if (SECURE_COOKIES) parts.push('Secure')
	return parts.join('; ')
}

export function clearSessionCookie() {
	return serializeSessionCookie('', 0)
}
