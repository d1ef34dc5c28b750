import { describe, expect, it } from 'vitest'
import { REPLAY_WINDOW_MS, ReplayGuard, SIGNATURE_HEADER, signRequest, verifyRequest } from './signing.ts'

const secret = 'a-secret-of-at-least-thirty-two-characters'
const now = 1_800_000_000_000
const request = { secret, method: 'POST', path: '/run', body: '{"files":{}}', requestId: 'req-1', timestamp: now }
const check = (headers: Record<string, string>, overrides: Partial<typeof request> = {}, guard = new ReplayGuard(), at = now) =>
	verifyRequest({ ...request, ...overrides, headers }, guard, at)

describe('runner request signatures', () => {
	it('accept a request signed with the shared secret, once', () => {
		const guard = new ReplayGuard()
		const headers = signRequest(request)
		expect(check(headers, {}, guard)).toEqual({ ok: true, requestId: 'req-1' })
		expect(check(headers, {}, guard)).toEqual({ ok: false, reason: 'the request was already received (a replay)' })
	})

	it('refuse another path, method, body or request id than the one signed', () => {
		const headers = signRequest(request)
		for (const change of [{ path: '/other' }, { method: 'PUT' }, { body: '{"files":{"a":""}}' }])
			expect(check(headers, change)).toEqual({ ok: false, reason: 'the signature does not match' })
		expect(check({ ...headers, 'x-request-id': 'req-2' })).toEqual({ ok: false, reason: 'the signature does not match' })
	})

	it('refuse timestamps more than a minute away in either direction, and unsigned or malformed headers', () => {
		expect(check(signRequest({ ...request, timestamp: now - REPLAY_WINDOW_MS - 1 }))).toMatchObject({ ok: false, reason: /replay window/ })
		expect(check(signRequest({ ...request, timestamp: now + REPLAY_WINDOW_MS + 1 }))).toMatchObject({ ok: false, reason: /replay window/ })
		expect(check({})).toEqual({ ok: false, reason: 'the request is not signed' })
		expect(check({ ...signRequest(request), 'x-request-id': 'not an id' })).toEqual({ ok: false, reason: 'the signature headers are malformed' })
		expect(check({ ...signRequest(request), [SIGNATURE_HEADER]: 'v1=00' })).toEqual({ ok: false, reason: 'the signature does not match' })
	})

	it('forget signatures once their window has passed', () => {
		const guard = new ReplayGuard()
		guard.firstSighting('v1=aa', now, now)
		expect(guard.size).toBe(1)
		guard.firstSighting('v1=bb', now + 2 * REPLAY_WINDOW_MS, now + 2 * REPLAY_WINDOW_MS)
		expect(guard.size).toBe(1)
	})
})
