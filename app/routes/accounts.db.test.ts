import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { createInvite, findInvite, acceptInviteAsNewUser } from '#app/models/invite.server.ts'
import { requireTeamLead, requireUser } from '#app/utils/auth.server.ts'
import { action as signupAction } from './signup.tsx'
import { action as loginAction } from './login.tsx'
import { action as inviteAction, loader as inviteLoader } from './invite.$token.tsx'
import { loader as teamLoader } from './teams.$teamId.tsx'
import { seedDemo } from '#prisma/seed/demo.ts'
import { get, loginCookie, post, settle, type RouteArgs as Args } from '#tests/routes.ts'
import { ACCOUNT_REFUSALS_PER_ADDRESS } from '#app/utils/rate-limit.server.ts'

// What sign-up and invites say when they cannot create an account for an address.
const ACCOUNT_NOT_CREATED = /^We could not create an account with this e-mail address\./

let db: Database
let demo: { organizationId: string; teamId: string; leadId: string; learnerId: string; adminId: string }

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await seedDemo(db.prisma)
	const team = await db.prisma.team.findFirstOrThrow({ select: { id: true, organizationId: true } })
	const byEmail = async (email: string) => (await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
	demo = {
		organizationId: team.organizationId,
		teamId: team.id,
		leadId: await byEmail('lead@hardmode.dev'),
		learnerId: await byEmail('ada@hardmode.dev'),
		adminId: await byEmail('admin@hardmode.dev'),
	}
})

afterAll(async () => {
	await db?.close()
})

describe('sign-up', () => {
	const valid = { organizationName: 'Harbor Imports', name: 'Art Vance', email: 'art@harbor.test', password: 'imports arrive on tuesdays' }
	const signup = (fields: Record<string, string>) =>
		settle(() => signupAction({ request: post('/signup', fields), params: {}, context: {} } as unknown as Args<typeof signupAction>))

	it('refuses a weak password with a message on the password field, and creates nothing', async () => {
		const result = await signup({ ...valid, password: 'password123' })
		expect(result.status).toBe(400)
		expect(result.data).toMatchObject({ fieldErrors: { password: expect.arrayContaining([expect.stringContaining('most common')]) } })
		expect(await db.prisma.user.count({ where: { email: valid.email } })).toBe(0)
	})

	it('creates the organisation with its first user as admin and starts a session', async () => {
		const result = await signup(valid)
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toMatch(/^\/dashboard/)
		expect(result.headers.get('Set-Cookie')).toMatch(/^hm_session=.+HttpOnly; SameSite=Lax/)
		const user = await db.prisma.user.findUniqueOrThrow({ where: { email: valid.email }, select: { orgRole: true, organization: { select: { name: true } } } })
		expect(user).toEqual({ orgRole: 'admin', organization: { name: 'Harbor Imports' } })
	})

	it('refuses a registered e-mail (whatever its case) without saying it is registered, and creates nothing', async () => {
		const result = await signup({ ...valid, organizationName: 'Another', email: 'ART@Harbor.test' })
		expect(result.status).toBe(400)
		const message = (result.data as { fieldErrors: { email: string[] } }).fieldErrors.email.join(' ')
		expect(message).toMatch(ACCOUNT_NOT_CREATED)
		expect(message).not.toMatch(/already|exists|registered|taken|in use/i)
		expect(await db.prisma.organization.count({ where: { name: 'Another' } })).toBe(0)
	})

	it('stops answering sign-ups from an address that keeps hitting registered e-mails', async () => {
		const from = (address: string, fields: Record<string, string>) => {
			const request = post('/signup', fields)
			request.headers.set('X-Hardmode-Client-IP', address)
			return settle(() => signupAction({ request, params: {}, context: {} } as unknown as Args<typeof signupAction>))
		}
		const probe = (i: number) => ({ ...valid, organizationName: `Probe ${i}`, email: i % 2 ? 'art@harbor.test' : 'ada@hardmode.dev' })
		for (let i = 0; i < ACCOUNT_REFUSALS_PER_ADDRESS; i++) expect((await from('198.51.100.50', probe(i))).status).toBe(400)
		const refused = await from('198.51.100.50', { ...valid, organizationName: 'Probe new', email: 'new.probe@harbor.test' })
		expect(refused.status).toBe(429)
		expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/)
		expect(await db.prisma.user.count({ where: { email: 'new.probe@harbor.test' } })).toBe(0)
		expect((await from('198.51.100.51', { ...valid, organizationName: 'Elsewhere', email: 'elsewhere@harbor.test' })).status).toBe(302)
	})

	it('refuses control characters in names with a message, and saves nothing', async () => {
		const result = await signup({ ...valid, email: 'nul@harbor.test', name: 'Art\u0000Vance', organizationName: 'Harbor\u0007' })
		expect(result.status).toBe(400)
		expect(result.data).toMatchObject({
			fieldErrors: { name: [expect.stringContaining('no control characters')], organizationName: [expect.stringContaining('no control characters')] },
		})
		expect(await db.prisma.user.count({ where: { email: 'nul@harbor.test' } })).toBe(0)
	})

	it('refuses a malformed e-mail and an empty organisation name', async () => {
		const result = await signup({ ...valid, email: 'not-an-email', organizationName: '' })
		expect(result.status).toBe(400)
		expect(result.data).toMatchObject({
			fieldErrors: { email: [expect.stringContaining('valid e-mail')], organizationName: [expect.stringContaining('Name your organisation')] },
		})
	})
})

describe('log-in and sessions', () => {
	it('rate-limits an account after five wrong passwords, then refuses even the right one', async () => {
		const attempt = (password: string) =>
			settle(() =>
				loginAction({ request: post('/login', { email: 'grace@hardmode.dev', password }), params: {}, context: {} } as unknown as Args<typeof loginAction>),
			)
		for (let i = 0; i < 4; i++) expect((await attempt(`nope ${i}`)).status).toBe(400)
		const fifth = await attempt('nope 5')
		expect(fifth.status).toBe(429)
		expect(fifth.headers.get('Retry-After')).toMatch(/^\d+$/)
		expect(fifth.data).toMatchObject({ formError: expect.stringContaining('Too many failed log-in attempts') })
		expect((await attempt('hardmode-demo')).status).toBe(429)
	})

	it('sends a tampered session cookie to the login page and clears it', async () => {
		const cookie = await loginCookie('linus@hardmode.dev')
		const tampered = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))
		const result = await settle(() => requireUser(get('/settings', tampered)))
		expect(result.status).toBe(302)
		expect(result.headers.get('Location')).toBe('/login?redirectTo=%2Fsettings&expired=1')
		expect(result.headers.get('Set-Cookie')).toMatch(/^hm_session=; .*Max-Age=0/)
	})
})

describe('team access', () => {
	it('lets the team lead in, refuses a learner with 403, and hides another organisation’s team with 404', async () => {
		const lead = await loginCookie('lead@hardmode.dev')
		const learner = await loginCookie('ada@hardmode.dev')
		const outsider = await loginCookie('art@harbor.test', 'imports arrive on tuesdays')
		const open = (cookie: string) =>
			settle(() =>
				teamLoader({ request: get(`/teams/${demo.teamId}`, cookie), params: { teamId: demo.teamId }, context: {} } as unknown as Args<typeof teamLoader>),
			)
		expect((await open(lead)).status).toBe(200)
		expect((await open(learner)).status).toBe(403)
		expect((await open(outsider)).status).toBe(404)
		expect((await settle(() => requireTeamLead(get('/teams/nope', lead), 'no-such-team'))).status).toBe(404)
	})
})

describe('invites', () => {
	const openInvite = (token: string) =>
		settle(() => inviteLoader({ request: get(`/invite/${token}`), params: { token }, context: {} } as unknown as Args<typeof inviteLoader>))
	const register = (token: string, email: string) =>
		settle(() =>
			inviteAction({
				request: post(`/invite/${token}`, { intent: 'register', name: 'New Engineer', email, password: 'a perfectly fine passphrase' }),
				params: { token },
				context: {},
			} as unknown as Args<typeof inviteAction>),
		)

	it('registers a new engineer into the team, once', async () => {
		const { token } = await createInvite({ organizationId: demo.organizationId, teamId: demo.teamId, createdById: demo.leadId, role: 'learner' })
		expect((await openInvite(token)).status).toBe(200)
		const first = await register(token, 'new.engineer@acme.test')
		expect(first.status).toBe(302)
		const user = await db.prisma.user.findUniqueOrThrow({
			where: { email: 'new.engineer@acme.test' },
			select: { organizationId: true, orgRole: true, memberships: { select: { teamId: true, role: true } } },
		})
		expect(user).toEqual({ organizationId: demo.organizationId, orgRole: 'member', memberships: [{ teamId: demo.teamId, role: 'learner' }] })

		const second = await register(token, 'someone.else@acme.test')
		expect(second.status).toBe(410)
		expect(second.data).toMatchObject({ formError: expect.stringContaining('can no longer be used') })
		expect(await db.prisma.user.count({ where: { email: 'someone.else@acme.test' } })).toBe(0)
		expect((await openInvite(token)).status).toBe(410)
	})

	it('lets only one of two simultaneous registrations use an invite', async () => {
		const { token } = await createInvite({ organizationId: demo.organizationId, teamId: demo.teamId, createdById: demo.leadId, role: 'learner' })
		const invite = await findInvite(token)
		if (invite.status !== 'valid') throw new Error('expected a valid invite')
		const results = await Promise.allSettled([
			acceptInviteAsNewUser(invite, { name: 'Racer One', email: 'racer1@acme.test', password: 'first past the post' }),
			acceptInviteAsNewUser(invite, { name: 'Racer Two', email: 'racer2@acme.test', password: 'second past the post' }),
		])
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
		expect(await db.prisma.user.count({ where: { email: { in: ['racer1@acme.test', 'racer2@acme.test'] } } })).toBe(1)
	})

	it('refuses a registered e-mail with the same words as sign-up, without saying it is registered', async () => {
		const { token } = await createInvite({ organizationId: demo.organizationId, teamId: demo.teamId, createdById: demo.leadId, role: 'learner' })
		const result = await register(token, 'Grace@Hardmode.dev')
		expect(result.status).toBe(400)
		const message = (result.data as { fieldErrors: { email: string[] } }).fieldErrors.email.join(' ')
		expect(message).toMatch(ACCOUNT_NOT_CREATED)
		expect(message).not.toMatch(/already|exists|registered|taken|in use/i)
		expect((await openInvite(token)).status).toBe(200)
	})

	it('says an expired invite has expired, and a forged one is not found', async () => {
		const { token, id } = await createInvite({ organizationId: demo.organizationId, teamId: demo.teamId, createdById: demo.leadId, role: 'learner' })
		await db.prisma.invite.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } })
		const expired = await openInvite(token)
		expect(expired.status).toBe(410)
		expect(expired.data).toMatchObject({ invite: { status: 'expired' } })
		expect((await register(token, 'late@acme.test')).status).toBe(410)

		expect((await openInvite('forgedTokenThatWasNeverIssued00')).status).toBe(404)
		expect((await openInvite('<script>alert(1)</script>')).status).toBe(404)
	})
})
