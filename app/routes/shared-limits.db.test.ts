// Two web instances on one database enforce one limit (ADR 033): wrong passwords, runs, and an
// admin lifting a lockout count for both. Each instance here is a fresh copy of every module
// (vi.resetModules) with a database client of its own, so the only thing the two share is
// the database — on PGlite one embedded database opened through two clients, on PostgreSQL
// (TEST_DB=postgres) two connection pools to one server, as two processes would have.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestDatabase, createTestPglite, testDatabaseKind } from '#tests/db.ts'
import { call, get, post } from '#tests/routes.ts'
import { createDatabase, databaseFromPglite, useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'

type Instance = {
	database: Database
	login: typeof import('./login.tsx')
	admin: typeof import('./admin.tsx')
	limits: typeof import('#app/utils/rate-limit.server.ts')
}

async function loadInstance(database: Database): Promise<Instance> {
	vi.resetModules()
	return {
		database,
		login: await import('./login.tsx'),
		admin: await import('./admin.tsx'),
		limits: await import('#app/utils/rate-limit.server.ts'),
	}
}

async function openTwoClients(): Promise<[Database, Database]> {
	if (testDatabaseKind() === 'postgres') {
		const first = await createTestDatabase()
		return [first, createDatabase(first.url!)]
	}
	const pglite = await createTestPglite()
	return [databaseFromPglite(pglite), databaseFromPglite(pglite)]
}

let one: Instance
let two: Instance
let databases: Database[] = []

beforeAll(async () => {
	databases = await openTwoClients()
	await seedDemo(databases[0]!.prisma)
	one = await loadInstance(databases[0]!)
	two = await loadInstance(databases[1]!)
})
afterAll(async () => {
	// The second client first: closing the first may take the database with it.
	for (const database of [...databases].reverse()) await database.close()
})

/** Runs `fn` the way `instance` would: its modules, its database client. */
function on<T>(instance: Instance, fn: (instance: Instance) => Promise<T>) {
	useDatabase(instance.database)
	return fn(instance)
}

function loginAt(instance: Instance, email: string, password: string, address = '198.51.100.40') {
	return on(instance, async ({ login }) => {
		const request = post('/login', { email, password })
		request.headers.set('X-Hardmode-Client-IP', address)
		return call(login.action, request)
	})
}

describe('two web instances on one database', () => {
	it('refuse wrong passwords for an account after the limit in total, not the limit on each', async () => {
		const limit = one.limits.LOGIN_FAILURES_PER_ACCOUNT
		const statuses: number[] = []
		// Twice the limit, alternating between the instances, as a load balancer would spread them.
		for (let i = 0; i < 2 * limit; i++) statuses.push((await loginAt(i % 2 === 0 ? one : two, 'grace@hardmode.dev', `wrong guess ${i}`)).status)
		// The last allowed failure already says the account is now locked; every later guess is refused unchecked.
		expect(statuses).toEqual([...Array<number>(limit - 1).fill(400), ...Array<number>(limit + 1).fill(429)])
		expect((await loginAt(one, 'grace@hardmode.dev', 'hardmode-demo', '198.51.100.41')).status).toBe(429)
		expect((await loginAt(two, 'grace@hardmode.dev', 'hardmode-demo', '198.51.100.42')).status).toBe(429)
	})

	it('lifting a lockout on one instance lets the person in through the other', async () => {
		const limit = one.limits.LOGIN_FAILURES_PER_ACCOUNT
		for (let i = 0; i < limit; i++) await loginAt(one, 'linus@hardmode.dev', `wrong ${i}`)
		expect((await loginAt(one, 'linus@hardmode.dev', 'hardmode-demo')).status).toBe(429)

		const adminLogin = await loginAt(two, 'admin@hardmode.dev', 'hardmode-demo', '198.51.100.43')
		expect(adminLogin.status).toBe(302)
		const adminCookie = adminLogin.headers.get('Set-Cookie')!.split(';')[0]!
		const linus = await databases[0]!.prisma.user.findUniqueOrThrow({ where: { email: 'linus@hardmode.dev' }, select: { id: true } })
		const lockedOnTwo = await on(two, ({ admin }) => call(admin.loader, get('/admin', adminCookie)))
		expect(
			(lockedOnTwo.data as { members: Array<{ id: string; lockedUntil: Date | null }> }).members.find((m) => m.id === linus.id)?.lockedUntil,
		).toBeInstanceOf(Date)

		const lifted = await on(two, ({ admin }) => call(admin.action, post('/admin', { intent: 'lift-lockout', userId: linus.id }, adminCookie)))
		expect(lifted).toMatchObject({ status: 200, data: { message: 'Linus Berg can sign in again.' } })
		expect((await loginAt(one, 'linus@hardmode.dev', 'hardmode-demo')).status).toBe(302)
	})

	it('count a learner’s runs together: the minute’s runs used on one are used up on the other', async () => {
		const ada = await databases[0]!.prisma.user.findUniqueOrThrow({ where: { email: 'ada@hardmode.dev' }, select: { id: true } })
		const perMinute = one.limits.RUNS_PER_MINUTE
		for (let i = 0; i < perMinute; i++) {
			expect(await on(i % 2 === 0 ? one : two, ({ limits }) => limits.consumeRun(ada.id))).toEqual({ limited: false })
		}
		expect(await on(one, ({ limits }) => limits.consumeRun(ada.id))).toMatchObject({ limited: true })
		expect(await on(two, ({ limits }) => limits.consumeRun(ada.id))).toMatchObject({ limited: true })
	})
})
