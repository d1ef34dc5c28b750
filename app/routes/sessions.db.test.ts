import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { createInvite } from '#app/models/invite.server.ts'
import { createTeam } from '#app/models/team.server.ts'
import { getOptionalUser, safeRedirectPath } from '#app/utils/auth.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as healthcheck from './resources.healthcheck.ts'
import * as invite from './invite.$token.tsx'
import * as login from './login.tsx'
import * as settings from './settings.tsx'

let db: Database
beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await seedDemo(db.prisma)
})
afterAll(async () => {
	await db?.close()
})

describe('password changes and sessions', () => {
	it('changes the password, keeps this session and ends every other one', async () => {
		const here = await loginCookie('grace@hardmode.dev')
		const elsewhere = await loginCookie('grace@hardmode.dev')
		const wrong = await call(settings.action, post('/settings', { intent: 'password', currentPassword: 'not it', newPassword: 'a brand new passphrase' }, here))
		expect(wrong).toMatchObject({ status: 400, data: { fieldErrors: { currentPassword: ['That is not your current password.'] } } })
		const weak = await call(settings.action, post('/settings', { intent: 'password', currentPassword: 'hardmode-demo', newPassword: 'grace1234567' }, here))
		expect(weak.status).toBe(400)

		const changed = await call(
			settings.action,
			post('/settings', { intent: 'password', currentPassword: 'hardmode-demo', newPassword: 'a brand new passphrase' }, here),
		)
		expect(changed.status).toBe(200)
		expect(await getOptionalUser(get('/', here))).toMatchObject({ email: 'grace@hardmode.dev' })
		expect(await getOptionalUser(get('/', elsewhere))).toBeNull()
		await loginCookie('grace@hardmode.dev', 'a brand new passphrase')
	})

	it('logs out everywhere, including this browser', async () => {
		const a = await loginCookie('linus@hardmode.dev')
		const b = await loginCookie('linus@hardmode.dev')
		const result = await call(settings.action, post('/settings', { intent: 'logout-everywhere' }, a))
		expect(result.status).toBe(302)
		expect(result.headers.get('Set-Cookie')).toMatch(/Max-Age=0/)
		expect(await getOptionalUser(get('/', a))).toBeNull()
		expect(await getOptionalUser(get('/', b))).toBeNull()
	})
})

describe('redirects after logging in', () => {
	it.each([
		['/teams/abc?tab=invites', '/teams/abc?tab=invites'],
		['//evil.example/phish', '/dashboard'],
		['/\\evil.example', '/dashboard'],
		['https://evil.example/', '/dashboard'],
		['', '/dashboard'],
	])('sends %j to %j', (to, expected) => {
		expect(safeRedirectPath(to)).toBe(expected)
	})

	it.each(['//evil.example', '/\t/evil.example', '/\\evil.example', 'https://evil.example'])(
		'never sends a user off-site through the login form (redirectTo %j)',
		async (redirectTo) => {
			const result = await call(login.action, post('/login', { email: 'ada@hardmode.dev', password: 'hardmode-demo', redirectTo }))
			expect(result.status).toBe(302)
			expect(result.headers.get('Location')).toBe('/dashboard')
		},
	)
})

describe('joining another team with an existing account', () => {
	it('adds a signed-in member of the same organisation to the invite’s team', async () => {
		const org = await db.prisma.organization.findFirstOrThrow({ select: { id: true } })
		const lead = await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hardmode.dev' }, select: { id: true } })
		const created = await createTeam({ organizationId: org.id, actorId: lead.id, name: 'Payments Core' })
		if (!created.ok) throw new Error(created.message)
		const { token } = await createInvite({ organizationId: org.id, teamId: created.team.id, createdById: lead.id, role: 'learner' })
		const ada = await loginCookie('ada@hardmode.dev')

		const page = await call(invite.loader, get(`/invite/${token}`, ada), { token })
		expect(page.data).toMatchObject({ viewer: { sameOrganization: true }, invite: { teamName: 'Payments Core' } })
		const joined = await call(invite.action, post(`/invite/${token}`, { intent: 'join' }, ada), { token })
		expect(joined).toMatchObject({ status: 302 })
		expect(await db.prisma.membership.count({ where: { teamId: created.team.id, user: { email: 'ada@hardmode.dev' } } })).toBe(1)
	})
})

describe('healthcheck', () => {
	it('reports the database as up', async () => {
		const result = await call(healthcheck.loader, get('/resources/healthcheck'))
		expect(result).toMatchObject({ status: 200, data: JSON.stringify({ status: 'ok', database: 'up' }) })
	})

	it('answers 503 with the database down', async () => {
		const down = await createTestDatabase()
		await down.close()
		useDatabase(down)
		try {
			const result = await call(healthcheck.loader, get('/resources/healthcheck'))
			expect(result).toMatchObject({ status: 503, data: JSON.stringify({ status: 'error', database: 'down' }) })
		} finally {
			useDatabase(db)
		}
	})
})
