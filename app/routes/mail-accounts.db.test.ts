import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { createTeam } from '#app/models/team.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as forgot from './forgot-password.tsx'
import * as invite from './invite.$token.tsx'
import * as settings from './settings.tsx'
import * as signup from './signup.tsx'
import * as team from './teams.$teamId.tsx'
import * as verify from './verify-email.$token.tsx'

// E-mail verification and invites by e-mail (ADR 028), through the pages' loaders and actions.

let db: Database
let teamId: string
let paymentsId: string
beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	const demo = await seedDemo(db.prisma)
	teamId = (await db.prisma.team.findFirstOrThrow({ where: { organizationId: demo.organizationId, name: 'Checkout' }, select: { id: true } })).id
	const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hardmode.dev' }, select: { id: true } })
	const created = await createTeam({ organizationId: demo.organizationId, actorId: admin.id, name: 'Payments Core' })
	if (!created.ok) throw new Error(created.message)
	paymentsId = created.team.id
})
afterAll(async () => {
	await db?.close()
})

/** The token of the newest link of one kind mailed to `to`. */
async function linkMailedTo(to: string, page: 'verify-email' | 'invite' | 'reset-password') {
	const message = await db.prisma.outboxMessage.findFirst({ where: { to, text: { contains: `/${page}/` } }, orderBy: { createdAt: 'desc' } })
	if (!message) return null
	return new RegExp(`/${page}/([A-Za-z0-9_-]+)`).exec(message.text)?.[1] ?? null
}

const verified = async (email: string) => (await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { emailVerifiedAt: true } })).emailVerifiedAt

describe('confirming the address of a new account', () => {
	it('mails a link on sign-up, says the address is unconfirmed, and confirms it with one click', async () => {
		const created = await call(
			signup.action,
			post('/signup', { organizationName: 'Quiet Labs', name: 'Noor Haddad', email: 'noor@quiet.test', password: 'the lighthouse keeps its lamp' }),
		)
		expect(created.status).toBe(302)
		const cookie = created.headers.get('Set-Cookie')!.split(';')[0]!
		expect(await verified('noor@quiet.test')).toBeNull()
		expect(await call(settings.loader, get('/settings', cookie))).toMatchObject({ data: { emailVerified: false, pendingEmail: null } })

		const token = (await linkMailedTo('noor@quiet.test', 'verify-email'))!
		expect(token).toBeTruthy()
		expect(await call(verify.loader, get(`/verify-email/${token}`), { token })).toMatchObject({ status: 200, data: { usable: true, email: 'noor@quiet.test' } })
		expect(await verified('noor@quiet.test')).toBeNull()

		const confirmed = await call(verify.action, post(`/verify-email/${token}`, {}, cookie), { token })
		expect(confirmed).toMatchObject({ status: 302 })
		expect(confirmed.headers.get('Location')).toBe('/settings?verified=1')
		expect(await verified('noor@quiet.test')).toBeInstanceOf(Date)
		expect(await call(verify.action, post(`/verify-email/${token}`, {}), { token })).toMatchObject({ status: 410 })
	})

	it('sends the link again on request, and only the newest works', async () => {
		const created = await call(
			signup.action,
			post('/signup', { organizationName: 'Slow Labs', name: 'Ilse Brandt', email: 'ilse@slow.test', password: 'a kettle sings at dawn' }),
		)
		const cookie = created.headers.get('Set-Cookie')!.split(';')[0]!
		const first = await linkMailedTo('ilse@slow.test', 'verify-email')
		const again = await call(settings.action, post('/settings', { intent: 'send-verification' }, cookie))
		expect(again).toMatchObject({ status: 200, data: { message: 'We sent a new link to ilse@slow.test. It works for 24 hours.' } })
		const second = await linkMailedTo('ilse@slow.test', 'verify-email')
		expect(second).not.toBe(first)
		expect(await call(verify.loader, get(`/verify-email/${first}`), { token: first! })).toMatchObject({ status: 410 })
		expect(await call(verify.loader, get(`/verify-email/${second}`), { token: second! })).toMatchObject({ status: 200 })
	})

	it('counts the demo accounts, made before verification existed, as confirmed', async () => {
		expect(await verified('ada@hardmode.dev')).toBeInstanceOf(Date)
	})
})

describe('changing the address', () => {
	it('keeps the old address until the new one is confirmed, and sends resets only to the confirmed one', async () => {
		const linus = await loginCookie('linus@hardmode.dev')
		const wrong = await call(settings.action, post('/settings', { intent: 'email', newEmail: 'linus@new.test', currentPassword: 'not it' }, linus))
		expect(wrong).toMatchObject({ status: 400, data: { fieldErrors: { currentPassword: ['That is not your current password.'] } } })

		const asked = await call(settings.action, post('/settings', { intent: 'email', newEmail: 'Linus@New.test', currentPassword: 'hardmode-demo' }, linus))
		expect(asked.status).toBe(200)
		expect(await call(settings.loader, get('/settings', linus))).toMatchObject({ data: { email: 'linus@hardmode.dev', pendingEmail: 'linus@new.test' } })

		// The unconfirmed address cannot receive a reset link for the account.
		await call(forgot.action, post('/forgot-password', { email: 'linus@new.test' }))
		expect(await linkMailedTo('linus@new.test', 'reset-password')).toBeNull()
		await call(forgot.action, post('/forgot-password', { email: 'linus@hardmode.dev' }))
		const resetLink = await linkMailedTo('linus@hardmode.dev', 'reset-password')
		expect(resetLink).toBeTruthy()

		const token = (await linkMailedTo('linus@new.test', 'verify-email'))!
		expect((await call(verify.action, post(`/verify-email/${token}`, {}, linus), { token })).status).toBe(302)
		expect(await db.prisma.user.count({ where: { email: 'linus@new.test' } })).toBe(1)
		await loginCookie('linus@new.test')
		// The reset link sent to the old address stopped working with it.
		const { loader } = await import('./reset-password.$token.tsx')
		expect(await call(loader, get(`/reset-password/${resetLink}`), { token: resetLink! })).toMatchObject({ status: 410 })
	})

	it('answers the same for an address another account has, and mails it nothing', async () => {
		const grace = await loginCookie('grace@hardmode.dev')
		const asked = await call(settings.action, post('/settings', { intent: 'email', newEmail: 'ada@hardmode.dev', currentPassword: 'hardmode-demo' }, grace))
		expect(asked.status).toBe(200)
		expect(await linkMailedTo('ada@hardmode.dev', 'verify-email')).toBeNull()
	})
})

describe('invites by e-mail', () => {
	async function sendInvite(cookie: string, email: string, toTeam = teamId, role = 'learner') {
		const result = await call(team.action, post(`/teams/${toTeam}`, { intent: 'invite', role, email }, cookie), { teamId: toTeam })
		expect(result.status).toBe(200)
		return (await linkMailedTo(email.toLowerCase(), 'invite'))!
	}

	it('mails the invite to its address, which alone can accept it', async () => {
		const lead = await loginCookie('lead@hardmode.dev')
		const token = await sendInvite(lead, 'wren@acme.test')
		const message = await db.prisma.outboxMessage.findFirstOrThrow({ where: { to: 'wren@acme.test' } })
		expect(message.subject).toBe('Sam Lead invited you to Checkout on Hardmode')
		expect(message.text).toContain('The invite is for wren@acme.test only and works for 7 days.')

		const page = await call(invite.loader, get(`/invite/${token}`), { token })
		expect(page).toMatchObject({ status: 200, data: { invite: { email: 'wren@acme.test' } } })
		const other = await call(
			invite.action,
			post(`/invite/${token}`, { intent: 'register', name: 'Wren Other', email: 'someone-else@acme.test', password: 'copper kettles hum softly' }),
			{ token },
		)
		expect(other).toMatchObject({
			status: 403,
			data: { fieldErrors: { email: [expect.stringMatching(/^This invite was sent to wren@acme.test, and only that address/)] } },
		})
		expect(await db.prisma.user.count({ where: { email: 'someone-else@acme.test' } })).toBe(0)

		const right = await call(
			invite.action,
			post(`/invite/${token}`, { intent: 'register', name: 'Wren Adler', email: 'wren@acme.test', password: 'copper kettles hum softly' }),
			{ token },
		)
		expect(right.status).toBe(302)
		// The link reached this address, so arriving through it confirms the address.
		expect(await verified('wren@acme.test')).toBeInstanceOf(Date)
		expect(await db.prisma.membership.count({ where: { teamId, user: { email: 'wren@acme.test' } } })).toBe(1)
	})

	it('lets a member join only with the invited, confirmed address', async () => {
		const admin = await loginCookie('admin@hardmode.dev')
		const token = await sendInvite(admin, 'ada@hardmode.dev', paymentsId)
		const grace = await loginCookie('grace@hardmode.dev')
		expect(await call(invite.loader, get(`/invite/${token}`, grace), { token })).toMatchObject({ data: { viewer: { otherAddress: true } } })
		expect(await call(invite.action, post(`/invite/${token}`, { intent: 'join' }, grace), { token })).toMatchObject({ status: 403 })

		await db.prisma.user.update({ where: { email: 'ada@hardmode.dev' }, data: { emailVerifiedAt: null } })
		const ada = await loginCookie('ada@hardmode.dev')
		const unconfirmed = await call(invite.action, post(`/invite/${token}`, { intent: 'join' }, ada), { token })
		expect(unconfirmed).toMatchObject({ status: 403, data: { formError: expect.stringMatching(/^Confirm your e-mail address first/) } })
		expect(await db.prisma.membership.count({ where: { teamId: paymentsId, user: { email: 'ada@hardmode.dev' } } })).toBe(0)

		await db.prisma.user.update({ where: { email: 'ada@hardmode.dev' }, data: { emailVerifiedAt: new Date() } })
		expect(await call(invite.action, post(`/invite/${token}`, { intent: 'join' }, ada), { token })).toMatchObject({ status: 302 })
		expect(await db.prisma.membership.count({ where: { teamId: paymentsId, user: { email: 'ada@hardmode.dev' } } })).toBe(1)
	})

	it('stops working when its creator can no longer invite to the team', async () => {
		const lead = await loginCookie('lead@hardmode.dev')
		const token = await sendInvite(lead, 'juno@acme.test')
		const sam = await db.prisma.user.findUniqueOrThrow({ where: { email: 'lead@hardmode.dev' }, select: { id: true } })
		const admin = await loginCookie('admin@hardmode.dev')
		const openInvites = async () =>
			((await call(team.loader, get(`/teams/${teamId}`, admin), { teamId })).data as { invites: Array<{ email: string | null }> }).invites.map(
				(row) => row.email,
			)
		expect(await openInvites()).toContain('juno@acme.test')
		await db.prisma.membership.update({ where: { teamId_userId: { teamId, userId: sam.id } }, data: { role: 'learner' } })
		try {
			expect(await call(invite.loader, get(`/invite/${token}`), { token })).toMatchObject({ status: 410, data: { invite: { status: 'withdrawn' } } })
			// It no longer works, so the team page no longer lists it as open.
			expect(await openInvites()).not.toContain('juno@acme.test')
			const refused = await call(
				invite.action,
				post(`/invite/${token}`, { intent: 'register', name: 'Juno Park', email: 'juno@acme.test', password: 'copper kettles hum softly' }),
				{ token },
			)
			expect(refused.status).toBe(410)
			expect(await db.prisma.user.count({ where: { email: 'juno@acme.test' } })).toBe(0)
		} finally {
			await db.prisma.membership.update({ where: { teamId_userId: { teamId, userId: sam.id } }, data: { role: 'lead' } })
		}
	})

	it('asks for the address to send the invite to', async () => {
		const lead = await loginCookie('lead@hardmode.dev')
		const result = await call(team.action, post(`/teams/${teamId}`, { intent: 'invite', role: 'learner', email: '' }, lead), { teamId })
		expect(result).toMatchObject({ status: 400, data: { fieldErrors: { email: ['Enter the address to send the invite to.'] } } })
	})
})
