import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, loginCookie, post } from '#tests/routes.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_ADDRESS } from '#app/utils/rate-limit.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as login from './login.tsx'
import * as settings from './settings.tsx'

// Counts how many passwords were actually checked, which is what a throttle limits.
const checked = vi.hoisted(() => ({ logins: 0, currentPasswords: 0 }))
vi.mock('#app/models/user.server.ts', async (importOriginal) => {
	const actual = await importOriginal<typeof import('#app/models/user.server.ts')>()
	return {
		...actual,
		verifyLogin: (...args: Parameters<typeof actual.verifyLogin>) => {
			checked.logins++
			return actual.verifyLogin(...args)
		},
		changePassword: (...args: Parameters<typeof actual.changePassword>) => {
			checked.currentPasswords++
			return actual.changePassword(...args)
		},
	}
})

let db: Database
beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await seedDemo(db.prisma)
})
afterAll(async () => {
	await db?.close()
})

function loginFrom(address: string, email: string, password: string) {
	const request = post('/login', { email, password })
	request.headers.set('X-Hardmode-Client-IP', address)
	return call(login.action, request)
}

describe('log-in throttle', () => {
	it('checks no more passwords than the limit when many guesses arrive at once', async () => {
		checked.logins = 0
		const guesses = Array.from({ length: 15 }, (_, i) => loginFrom('198.51.100.20', 'grace@hardmode.dev', `wrong guess ${String(i).padStart(2, '0')}`))
		const results = await Promise.all(guesses)
		expect(checked.logins).toBe(LOGIN_FAILURES_PER_ACCOUNT)
		expect(results.filter((result) => result.status === 429)).toHaveLength(15 - (LOGIN_FAILURES_PER_ACCOUNT - 1))
		expect((await loginFrom('198.51.100.21', 'grace@hardmode.dev', 'hardmode-demo')).status).toBe(429)
	})

	it('lets a colleague behind the same address in with the right password after that address spent its failures', async () => {
		const office = '198.51.100.30'
		// Someone in the office tries common passwords on many accounts, never five on one.
		for (let i = 1; i <= LOGIN_FAILURES_PER_ADDRESS; i++) {
			// The failure that spends the address's budget says so, as that account is now refused from here.
			expect((await loginFrom(office, `person${i % 10}@acme.test`, 'Summer2026!')).status).toBe(i < LOGIN_FAILURES_PER_ADDRESS ? 400 : 429)
		}
		const colleague = await loginFrom(office, 'ada@hardmode.dev', 'hardmode-demo')
		expect(colleague.status).toBe(302)

		// From that address, an account already tried is refused unchecked, and a new one gets a single check.
		checked.logins = 0
		const retry = await loginFrom(office, 'person0@acme.test', 'Winter2026!')
		expect(retry.status).toBe(429)
		expect(retry.data).toMatchObject({ formError: expect.stringContaining('Too many failed log-in attempts') })
		expect(checked.logins).toBe(0)
		expect((await loginFrom(office, 'person99@acme.test', 'Winter2026!')).status).toBe(429)
		expect(checked.logins).toBe(1)
		expect((await loginFrom(office, 'person99@acme.test', 'Autumn2026!')).status).toBe(429)
		expect(checked.logins).toBe(1)
		// Elsewhere, those accounts are not blocked by what one address did.
		expect((await loginFrom('198.51.100.31', 'person0@acme.test', 'Winter2026!')).status).toBe(400)
	})
})

describe('current-password check in settings', () => {
	const changeFrom = (cookie: string, currentPassword: string) =>
		call(settings.action, post('/settings', { intent: 'password', currentPassword, newPassword: 'an entirely new passphrase' }, cookie))

	it('is limited like log-in: after five wrong current passwords even the right one is refused', async () => {
		const cookie = await loginCookie('linus@hardmode.dev')
		for (let i = 1; i < LOGIN_FAILURES_PER_ACCOUNT; i++) expect((await changeFrom(cookie, `not it ${i}`)).status).toBe(400)
		const last = await changeFrom(cookie, 'not it either')
		expect(last.status).toBe(429)
		expect(last.headers.get('Retry-After')).toMatch(/^\d+$/)
		expect(last.data).toMatchObject({ fieldErrors: { currentPassword: [expect.stringContaining('Too many wrong passwords')] } })
		expect((await changeFrom(cookie, 'hardmode-demo')).status).toBe(429)
		// The password did not change, and guessing it here counted against logging in too.
		expect((await loginFrom('198.51.100.40', 'linus@hardmode.dev', 'an entirely new passphrase')).status).toBe(429)
	})

	it('checks no more current passwords than the limit when many arrive at once', async () => {
		const cookie = await loginCookie('lead@hardmode.dev')
		checked.currentPasswords = 0
		const results = await Promise.all(Array.from({ length: 15 }, (_, i) => changeFrom(cookie, `wrong current ${String(i).padStart(2, '0')}`)))
		expect(checked.currentPasswords).toBe(LOGIN_FAILURES_PER_ACCOUNT)
		expect(results.every((result) => result.status === 400 || result.status === 429)).toBe(true)
	})
})
