import { describe, expect, it } from 'vitest'
import { hashToken, newSessionToken, readCookie, sessionCookieValue, verifySessionCookieValue } from './session.server.ts'

const secret = 'a-test-secret-that-is-long-enough-000'

describe('signed session cookies', () => {
	it('round-trips a token through a signed cookie value', () => {
		const token = newSessionToken()
		expect(verifySessionCookieValue(sessionCookieValue(token, secret), secret)).toBe(token)
	})

	it('rejects a cookie whose token or signature was altered', () => {
		const value = sessionCookieValue(newSessionToken(), secret)
		const [token, signature] = value.split('.')
		expect(verifySessionCookieValue(`${token}x.${signature}`, secret)).toBeNull()
		expect(verifySessionCookieValue(`${token}.${signature!.slice(0, -2)}AA`, secret)).toBeNull()
		expect(verifySessionCookieValue(token!, secret)).toBeNull()
		expect(verifySessionCookieValue('', secret)).toBeNull()
	})

	it('rejects a cookie signed with another secret', () => {
		const value = sessionCookieValue(newSessionToken(), secret)
		expect(verifySessionCookieValue(value, `${secret}-rotated`)).toBeNull()
	})

	it('stores only a hash of the token', () => {
		const token = newSessionToken()
		expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
		expect(hashToken(token)).not.toContain(token)
	})
})

describe('readCookie', () => {
	it('finds one cookie among several and decodes it', () => {
		const request = new Request('http://x/', { headers: { Cookie: 'a=1; hm_session=abc%2Edef; theme=dark' } })
		expect(readCookie(request, 'hm_session')).toBe('abc.def')
		expect(readCookie(request, 'missing')).toBeNull()
	})

	it('treats a malformed encoding as no cookie', () => {
		const request = new Request('http://x/', { headers: { Cookie: 'hm_session=%E0%A4%A' } })
		expect(readCookie(request, 'hm_session')).toBeNull()
	})
})
