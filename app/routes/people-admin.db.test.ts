// An admin manages people (ADR 029): removes a member (their work stays, attributed), ends
// someone's sessions, lifts a log-in lockout, and sees last sign-ins; each in the activity log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import { startAttempt } from '#app/models/attempt/open.server.ts'
import { listRecentActivity } from '#app/models/activity.server.ts'
import { createInvite } from '#app/models/invite.server.ts'
import { createOrganizationWithAdmin } from '#app/models/organization.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { LOGIN_FAILURES_PER_ACCOUNT } from '#app/utils/rate-limit.server.ts'
import { syncExercises } from '#app/models/exercise.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as admin from './admin.tsx'
import * as login from './login.tsx'
import * as team from './teams.$teamId.tsx'

let db: Database
let adminCookie: string
const ids = { admin: '', lead: '', ada: '', grace: '', linus: '', checkout: '', org: '' }

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await seedDemo(db.prisma)
	await syncExercises(db.prisma, 'exercises')
	for (const [key, email] of [
		['admin', 'admin@hardmode.dev'],
		['lead', 'lead@hardmode.dev'],
		['ada', 'ada@hardmode.dev'],
		['grace', 'grace@hardmode.dev'],
		['linus', 'linus@hardmode.dev'],
	] as const) {
		const user = await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, organizationId: true } })
		ids[key] = user.id
		ids.org = user.organizationId
	}
	ids.checkout = (await db.prisma.team.findFirstOrThrow({ where: { name: 'Checkout' }, select: { id: true } })).id
	adminCookie = await loginCookie('admin@hardmode.dev')
})
afterAll(async () => {
	await db?.close()
})

type Member = { id: string; email: string; lastSignInAt: Date | null; lockedUntil: Date | null; sessions: number }
const adminPage = async () => (await call(admin.loader, get('/admin', adminCookie))).data as { members: Member[]; removed: Array<{ id: string; name: string }> }
const act = (intent: string, userId: string, cookie = adminCookie) => call(admin.action, post('/admin', { intent, userId }, cookie))
const loginAs = (email: string, password = 'hardmode-demo') => call(login.action, post('/login', { email, password }))

describe('last sign-in', () => {
	it('shows when each person last signed in, and never for someone who has not', async () => {
		const org = await db.prisma.organization.findFirstOrThrow({ select: { id: true } })
		await db.prisma.user.create({
			data: { organizationId: org.id, email: 'new@hardmode.dev', name: 'Nia New', passwordHash: 'not-used' },
			select: { id: true },
		})
		const members = (await adminPage()).members
		expect(members.find((m) => m.email === 'admin@hardmode.dev')?.lastSignInAt).toBeInstanceOf(Date)
		expect(members.find((m) => m.email === 'new@hardmode.dev')?.lastSignInAt).toBeNull()
	})
})

describe('removing a member', () => {
	it('ends their sessions and teams, keeps their attempts under their name, and stops them signing in', async () => {
		const adaCookie = await loginCookie('ada@hardmode.dev')
		const attempt = await startAttempt({ id: ids.ada, organizationId: ids.org }, 'retry-storm')
		const { token } = await createInvite({ organizationId: ids.org, teamId: ids.checkout, createdById: ids.ada, role: 'learner' })

		const removed = await act('remove-member', ids.ada)
		expect(removed).toMatchObject({
			status: 200,
			data: { message: 'Ada Moreno was removed from the organisation. Their attempts and reviews stay under their name.' },
		})
		expect(await getOptionalUser(get('/', adaCookie))).toBeNull()
		expect(await db.prisma.membership.count({ where: { userId: ids.ada } })).toBe(0)
		expect(await db.prisma.invite.count({ where: { createdById: ids.ada } })).toBe(0)
		expect(token).toBeTruthy()
		const kept = await db.prisma.attempt.findUniqueOrThrow({ where: { id: attempt.id }, select: { user: { select: { name: true } } } })
		expect(kept.user.name).toBe('Ada Moreno')

		// The right password no longer signs in, with the answer a wrong one gets.
		expect(await loginAs('ada@hardmode.dev')).toMatchObject({ status: 400, data: { formError: expect.stringContaining('do not match an account') } })

		// Off the member list and every list to assign or add from; listed as removed, with their profile still open to the admin.
		const page = await adminPage()
		expect(page.members.map((m) => m.id)).not.toContain(ids.ada)
		expect(page.removed).toEqual([expect.objectContaining({ id: ids.ada, name: 'Ada Moreno' })])
		const teamPage = JSON.stringify((await call(team.loader, get(`/teams/${ids.checkout}`, adminCookie), { teamId: ids.checkout })).data)
		expect(teamPage).not.toContain(ids.ada)
		const added = await call(team.action, post(`/teams/${ids.checkout}`, { intent: 'add-member', userId: ids.ada, role: 'learner' }, adminCookie), {
			teamId: ids.checkout,
		})
		expect(added.status).toBe(404)

		const sentences = (await listRecentActivity(ids.org)).map((e) => `${e.actor} ${e.parts.map((p) => (typeof p === 'string' ? p : p.text)).join('')}`)
		expect(sentences).toContain('Morgan Admin removed Ada Moreno from the organisation; their attempts and reviews stay under their name')
		// Removing twice finds nobody.
		expect((await act('remove-member', ids.ada)).status).toBe(404)
	})

	it('refuses to let an admin remove themself', async () => {
		const result = await act('remove-member', ids.admin)
		expect(result).toMatchObject({ status: 400, data: { error: expect.stringContaining('You cannot remove yourself') } })
		expect(await db.prisma.user.count({ where: { id: ids.admin, removedAt: null } })).toBe(1)
	})

	it('keeps an admin when two admins remove each other at the same moment', async () => {
		const { organizationId } = await createOrganizationWithAdmin({
			organizationName: 'Tidewater',
			name: 'Bill Lund',
			email: 'bill@tidewater.test',
			password: 'tide tables all week',
		})
		const bill = await db.prisma.user.findUniqueOrThrow({ where: { email: 'bill@tidewater.test' }, select: { id: true } })
		const zoe = await db.prisma.user.create({
			data: { organizationId, email: 'zoe@tidewater.test', name: 'Zoe Hart', passwordHash: await hashPassword('tide tables all week'), orgRole: 'admin' },
			select: { id: true },
		})
		const [billCookie, zoeCookie] = [
			await loginCookie('bill@tidewater.test', 'tide tables all week'),
			await loginCookie('zoe@tidewater.test', 'tide tables all week'),
		]
		const results = await Promise.all([act('remove-member', zoe.id, billCookie), act('remove-member', bill.id, zoeCookie)])
		expect(results.map((r) => r.status).sort()).toEqual([200, 403])
		expect(await db.prisma.user.count({ where: { organizationId, orgRole: 'admin', removedAt: null } })).toBe(1)
	})
})

describe('ending someone’s sessions', () => {
	it('signs them out of every browser, and says how many', async () => {
		const one = await loginCookie('grace@hardmode.dev')
		const two = await loginCookie('grace@hardmode.dev')
		expect((await adminPage()).members.find((m) => m.id === ids.grace)?.sessions).toBe(2)
		const ended = await act('end-sessions', ids.grace)
		expect(ended).toMatchObject({ status: 200, data: { message: 'Grace Okafor was signed out of 2 browsers.' } })
		expect(await getOptionalUser(get('/', one))).toBeNull()
		expect(await getOptionalUser(get('/', two))).toBeNull()
		const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'user.sessions_ended', targetId: ids.grace }, select: { detail: true } })
		expect(event.detail).toEqual({ sessions: 2 })
	})
})

describe('lifting a log-in lockout', () => {
	it('shows until when someone is locked out, and lets them in again at once', async () => {
		for (let i = 0; i < LOGIN_FAILURES_PER_ACCOUNT; i++) await loginAs('linus@hardmode.dev', `wrong ${i}`)
		expect((await loginAs('linus@hardmode.dev')).status).toBe(429)
		const locked = (await adminPage()).members.find((m) => m.id === ids.linus)!
		expect(locked.lockedUntil).toBeInstanceOf(Date)
		expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now())

		expect(await act('lift-lockout', ids.linus)).toMatchObject({ status: 200, data: { message: 'Linus Berg can sign in again.' } })
		expect((await adminPage()).members.find((m) => m.id === ids.linus)?.lockedUntil).toBeNull()
		expect((await loginAs('linus@hardmode.dev')).status).toBe(302)
		expect(await db.prisma.auditEvent.count({ where: { action: 'user.lockout_lifted', targetId: ids.linus, actorId: ids.admin } })).toBe(1)
	})

	it('answers a person of another organisation, or none, as not found', async () => {
		expect((await act('lift-lockout', 'nobody-here')).status).toBe(404)
		expect((await act('end-sessions', 'x\u0000y')).status).toBe(400)
	})
})
