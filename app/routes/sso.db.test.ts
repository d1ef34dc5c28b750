// Single sign-on against a real OpenID provider on loopback (tests/setup/oidc-provider.ts): the
// provider's own login form, its token endpoint and its keys, with Hardmode's routes called as
// React Router calls them.
import { createPrivateKey, sign } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addSsoMapping, saveSsoSettings, type SsoSettingsInput } from '#app/models/sso.server.ts'
import { openSecret } from '#app/utils/secret-box.server.ts'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import {
	setTestGroups,
	signInAtProvider,
	startTestProvider,
	testSigningKey,
	TEST_CLIENT_ID,
	TEST_CLIENT_SECRET,
	type TestProvider,
} from '#tests/setup/oidc-provider.ts'
import { action as adminSsoAction, loader as adminSsoLoader } from './admin.sso.tsx'
import { action as loginAction } from './login.tsx'
import { loader as callbackLoader } from './login.sso.callback.tsx'
import { action as ssoStartAction } from './login.sso.tsx'

const CALLBACK = 'http://localhost/login/sso/callback'

let db: Database
let provider: TestProvider
let org: { id: string; adminId: string; checkoutId: string; paymentsId: string }

function settings(overrides: Partial<SsoSettingsInput> = {}): SsoSettingsInput {
	return {
		enabled: true,
		issuerUrl: provider.issuer,
		clientId: TEST_CLIENT_ID,
		clientSecret: TEST_CLIENT_SECRET,
		domains: ['sso.example'],
		claimName: 'groups',
		passwordsAllowed: true,
		...overrides,
	}
}

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await seedDemo(db.prisma)
	provider = await startTestProvider({ redirectUris: [CALLBACK] })
	const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@hardmode.dev' }, select: { id: true, organizationId: true } })
	const checkout = await db.prisma.team.findFirstOrThrow({ where: { organizationId: admin.organizationId }, select: { id: true } })
	const payments = await db.prisma.team.create({ data: { organizationId: admin.organizationId, name: 'Payments' }, select: { id: true } })
	org = { id: admin.organizationId, adminId: admin.id, checkoutId: checkout.id, paymentsId: payments.id }
	expect(await saveSsoSettings({ organizationId: org.id, actorId: admin.id, settings: settings() })).toEqual({ ok: true })
	const map = (claimValue: string, mapping: { grantsAdmin?: boolean; teamId?: string; teamRole?: 'learner' | 'lead' }) =>
		addSsoMapping({
			organizationId: org.id,
			actorId: admin.id,
			mapping: { claimValue, grantsAdmin: mapping.grantsAdmin ?? false, teamId: mapping.teamId ?? null, teamRole: mapping.teamRole ?? 'learner' },
		})
	await map('hardmode-admins', { grantsAdmin: true })
	await map('checkout-devs', { teamId: org.checkoutId })
	await map('checkout-leads', { teamId: org.checkoutId, teamRole: 'lead' })
	await map('payments-devs', { teamId: org.paymentsId })
})

afterAll(async () => {
	await provider?.close()
	await db?.close()
})

beforeEach(async () => {
	provider.tamper(null)
	await saveSsoSettings({ organizationId: org.id, actorId: org.adminId, settings: settings() })
})

/** Clicks "Continue with SSO" with `email`, and returns the provider's address and the state cookie. */
async function start(email: string) {
	const result = await call(ssoStartAction, post('/login/sso', { email, redirectTo: '/dashboard' }))
	const continueTo = (result.data as { continueTo?: string } | undefined)?.continueTo
	if (!continueTo) return { result, location: null, stateCookie: null }
	return { result, location: continueTo, stateCookie: result.headers.get('Set-Cookie')!.split(';')[0]! }
}

/** The whole round trip: Hardmode → the provider's login form as `login` → Hardmode's callback. */
async function signIn(login: string, email = login) {
	const { location, stateCookie, result } = await start(email)
	expect(result.status, JSON.stringify(result.data)).toBe(200)
	const callbackUrl = await signInAtProvider(location!, login, CALLBACK)
	const callback = await call(callbackLoader, get(callbackUrl.pathname + callbackUrl.search, stateCookie!))
	return { callback, callbackUrl, stateCookie: stateCookie! }
}

function sessionCookie(result: { headers: Headers }) {
	const cookie = result.headers.getSetCookie().find((header) => header.startsWith('hm_session='))
	return cookie?.split(';')[0] ?? null
}

/** The log's technical detail of the last refused sign-in (what the library said). */
async function lastRefusal() {
	const event = await db.prisma.auditEvent.findFirst({ where: { action: 'sso.sign_in_refused' }, orderBy: { createdAt: 'desc' }, select: { detail: true } })
	return String((event?.detail as { detail?: unknown } | null)?.detail ?? '')
}

const account = (email: string) =>
	db.prisma.user.findUnique({ where: { email }, select: { orgRole: true, organizationId: true, memberships: { select: { teamId: true, role: true } } } })

describe('a first sign-in (just-in-time provisioning)', () => {
	it('creates the account in the organisation with the mapped teams, signs it in, and logs it', async () => {
		const { callback } = await signIn('lin@sso.example')
		expect(callback.status).toBe(302)
		expect(callback.headers.get('Location')).toBe('/dashboard')
		const cookie = sessionCookie(callback)
		expect(await getOptionalUser(get('/dashboard', cookie!))).toMatchObject({ email: 'lin@sso.example', name: 'Lin', orgRole: 'member' })
		expect(await account('lin@sso.example')).toEqual({ orgRole: 'member', organizationId: org.id, memberships: [{ teamId: org.checkoutId, role: 'learner' }] })
		const actions = await db.prisma.auditEvent.findMany({ where: { organizationId: org.id, action: { startsWith: 'sso.' } }, select: { action: true } })
		expect(actions.map((event) => event.action)).toEqual(expect.arrayContaining(['sso.account_created', 'sso.team_added']))
	})

	it('makes people in the admin group admins and gives the lead role over learner', async () => {
		await signIn('ada@sso.example')
		expect(await account('ada@sso.example')).toMatchObject({ orgRole: 'admin', memberships: [{ teamId: org.checkoutId, role: 'learner' }] })
		await signIn('kim@sso.example')
		expect(await account('kim@sso.example')).toMatchObject({ orgRole: 'member', memberships: [{ teamId: org.checkoutId, role: 'lead' }] })
	})

	it('signs the same person in again as the same account', async () => {
		await signIn('noor@sso.example')
		await signIn('noor@sso.example')
		expect(await db.prisma.user.count({ where: { email: 'noor@sso.example' } })).toBe(1)
		expect(await db.prisma.ssoIdentity.count({ where: { user: { email: 'noor@sso.example' } } })).toBe(1)
	})
})

describe('a provider that releases e-mail and groups only at its userinfo endpoint', () => {
	it('signs the person in with the claims from userinfo, and the mapped teams', async () => {
		const userinfoOnly = await startTestProvider({ redirectUris: [CALLBACK], claimsInIdToken: false })
		try {
			await saveSsoSettings({ organizationId: org.id, actorId: org.adminId, settings: settings({ issuerUrl: userinfoOnly.issuer }) })
			const { callback } = await signIn('dev@sso.example')
			expect(callback.status).toBe(302)
			setTestGroups('quinn', ['payments-devs'])
			await signIn('quinn@sso.example')
			expect(await account('quinn@sso.example')).toMatchObject({ organizationId: org.id, memberships: [{ teamId: org.paymentsId, role: 'learner' }] })
		} finally {
			await userinfoOnly.close()
		}
	})
})

describe('later sign-ins follow the groups', () => {
	it('demotes a lead removed from the leads group, and takes them out of the team when they leave it', async () => {
		setTestGroups('kim', ['checkout-devs', 'checkout-leads'])
		await signIn('kim@sso.example')
		expect((await account('kim@sso.example'))?.memberships).toEqual([{ teamId: org.checkoutId, role: 'lead' }])
		setTestGroups('kim', ['checkout-devs'])
		await signIn('kim@sso.example')
		expect((await account('kim@sso.example'))?.memberships).toEqual([{ teamId: org.checkoutId, role: 'learner' }])
		setTestGroups('kim', ['payments-devs'])
		await signIn('kim@sso.example')
		expect((await account('kim@sso.example'))?.memberships).toEqual([{ teamId: org.paymentsId, role: 'learner' }])
	})

	it('takes the admin role from someone who left the admin group, at their next sign-in', async () => {
		setTestGroups('ada', ['hardmode-admins'])
		await signIn('ada@sso.example')
		expect((await account('ada@sso.example'))?.orgRole).toBe('admin')
		setTestGroups('ada', ['checkout-devs'])
		const { callback } = await signIn('ada@sso.example')
		expect(callback.status).toBe(302)
		expect((await account('ada@sso.example'))?.orgRole).toBe('member')
		const sentence = await db.prisma.auditEvent.findFirst({ where: { action: 'sso.role_changed' }, orderBy: { createdAt: 'desc' }, select: { detail: true } })
		expect(sentence?.detail).toEqual({ role: 'member' })
	})

	it('leaves teams that no group names alone', async () => {
		await signIn('noor@sso.example')
		const noor = await db.prisma.user.findUniqueOrThrow({ where: { email: 'noor@sso.example' }, select: { id: true } })
		const handMade = await db.prisma.team.create({ data: { organizationId: org.id, name: 'Reading group' }, select: { id: true } })
		await db.prisma.membership.create({ data: { organizationId: org.id, teamId: handMade.id, userId: noor.id, role: 'learner' } })
		await signIn('noor@sso.example')
		expect((await account('noor@sso.example'))?.memberships).toEqual(
			expect.arrayContaining([
				{ teamId: handMade.id, role: 'learner' },
				{ teamId: org.paymentsId, role: 'learner' },
			]),
		)
	})
})

describe('refused sign-ins', () => {
	it('refuses a replayed state: the provider’s answer works once', async () => {
		const { callback, callbackUrl, stateCookie } = await signIn('lin@sso.example')
		expect(callback.status).toBe(302)
		const replay = await call(callbackLoader, get(callbackUrl.pathname + callbackUrl.search, stateCookie))
		expect(replay.status).toBe(403)
		expect(replay.data).toEqual({ error: expect.stringMatching(/already used, has expired, or was started in another browser/) })
		expect(sessionCookie(replay)).toBeNull()
	})

	it('refuses an answer brought to a browser that did not start the sign-in', async () => {
		const { location } = await start('lin@sso.example')
		const callbackUrl = await signInAtProvider(location!, 'lin@sso.example', CALLBACK)
		const elsewhere = await call(callbackLoader, get(callbackUrl.pathname + callbackUrl.search))
		expect(elsewhere.status).toBe(403)
		expect(sessionCookie(elsewhere)).toBeNull()
	})

	it('refuses an e-mail address outside the allowed domains, and creates no account', async () => {
		const { callback } = await signIn('max@elsewhere.example', 'max@sso.example')
		expect(callback.status).toBe(403)
		expect(callback.data).toEqual({ error: expect.stringContaining('max@elsewhere.example is not an address this organisation signs in with (@sso.example)') })
		expect(await account('max@elsewhere.example')).toBeNull()
	})

	it('refuses an e-mail address the provider has not verified', async () => {
		const { callback } = await signIn('unverified-joe@sso.example')
		expect(callback.status).toBe(403)
		expect(callback.data).toEqual({ error: expect.stringContaining('has not verified unverified-joe@sso.example') })
		expect(await account('unverified-joe@sso.example')).toBeNull()
	})

	it('refuses an address that belongs to an account in another organisation', async () => {
		const other = await db.prisma.organization.create({ data: { name: 'Elsewhere Ltd' }, select: { id: true } })
		await db.prisma.user.create({ data: { organizationId: other.id, email: 'sam@sso.example', name: 'Sam', passwordHash: 'x' } })
		const { callback } = await signIn('sam@sso.example')
		expect(callback.status).toBe(403)
		expect(callback.data).toEqual({ error: expect.stringContaining('already has a Hardmode account in another organisation') })
		expect(await db.prisma.ssoIdentity.count({ where: { user: { email: 'sam@sso.example' } } })).toBe(0)
	})

	it('refuses the account of someone an admin removed from the organisation, and gives it no team', async () => {
		await signIn('noor@sso.example')
		const noor = await db.prisma.user.findUniqueOrThrow({ where: { email: 'noor@sso.example' }, select: { id: true } })
		await db.prisma.user.update({ where: { id: noor.id }, data: { removedAt: new Date() } })
		await db.prisma.membership.deleteMany({ where: { userId: noor.id } })
		const { callback } = await signIn('noor@sso.example')
		expect(callback.status).toBe(403)
		expect(callback.data).toEqual({ error: expect.stringContaining('Your account was removed from this organisation') })
		expect((await account('noor@sso.example'))?.memberships).toEqual([])
		await db.prisma.user.update({ where: { id: noor.id }, data: { removedAt: null } })
	})

	it('does not start a sign-in when the provider is turned off, and refuses one started before', async () => {
		const { location, stateCookie } = await start('lin@sso.example')
		await saveSsoSettings({ organizationId: org.id, actorId: org.adminId, settings: settings({ enabled: false }) })
		const refused = await start('lin@sso.example')
		expect(refused.result.status).toBe(400)
		expect(refused.result.data).toMatchObject({
			fieldErrors: { email: [expect.stringContaining('No organisation signs in with single sign-on for @sso.example')] },
		})
		const callbackUrl = await signInAtProvider(location!, 'lin@sso.example', CALLBACK)
		const callback = await call(callbackLoader, get(callbackUrl.pathname + callbackUrl.search, stateCookie!))
		expect(callback.status).toBe(403)
		expect(callback.data).toEqual({ error: expect.stringContaining('Single sign-on is turned off for this organisation') })
	})

	it('refuses an ID token whose claims were changed on the way (the signature no longer matches)', async () => {
		provider.tamper((token) => {
			const [header, payload, signature] = token.split('.')
			const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString())
			return [header, Buffer.from(JSON.stringify({ ...claims, email: 'ada@sso.example', groups: ['hardmode-admins'] })).toString('base64url'), signature].join(
				'.',
			)
		})
		const { callback } = await signIn('lin@sso.example')
		expect(callback.status).toBe(403)
		expect(callback.data).toEqual({ error: expect.stringContaining('could not be verified, so you were not signed in') })
		expect(sessionCookie(callback)).toBeNull()
		expect(await lastRefusal()).toMatch(/signature/i)
	})

	it('refuses an ID token signed with a key the provider does not publish', async () => {
		const forger = testSigningKey('test-key')
		provider.tamper((token) => {
			const [header, payload] = token.split('.')
			const kid = JSON.parse(Buffer.from(header!, 'base64url').toString()).kid
			const forgedHeader = Buffer.from(JSON.stringify({ alg: 'RS256', kid })).toString('base64url')
			const signature = sign('sha256', Buffer.from(`${forgedHeader}.${payload}`), createPrivateKey({ key: forger.jwk, format: 'jwk' })).toString('base64url')
			return `${forgedHeader}.${payload}.${signature}`
		})
		const { callback } = await signIn('lin@sso.example')
		expect(callback.status).toBe(403)
		expect(sessionCookie(callback)).toBeNull()
		expect(await lastRefusal()).toMatch(/signature/i)
	})

	it('refuses a provider whose metadata names another issuer than the URL it was configured with', async () => {
		const impostor = await startTestProvider({ redirectUris: [CALLBACK], issuer: (listening) => listening.replace('127.0.0.1', 'localhost') })
		try {
			const listening = impostor.issuer.replace('localhost', '127.0.0.1')
			await saveSsoSettings({ organizationId: org.id, actorId: org.adminId, settings: settings({ issuerUrl: listening }) })
			const { result } = await start('lin@sso.example')
			expect(result.status).toBe(502)
			expect(result.data).toMatchObject({ formError: expect.stringContaining('describes itself with a different issuer URL') })

			const adminCookie = await loginCookie('admin@hardmode.dev')
			const save = await call(
				adminSsoAction,
				post(
					'/admin/sso',
					{ intent: 'save-settings', enabled: 'on', issuerUrl: listening, clientId: TEST_CLIENT_ID, domains: 'sso.example', claimName: 'groups' },
					adminCookie,
				),
			)
			expect(save.status).toBe(400)
			expect(save.data).toMatchObject({ fieldErrors: { issuerUrl: [expect.stringContaining('different issuer URL')] } })
		} finally {
			await impostor.close()
		}
	})
})

describe('passwords when single sign-on is required', () => {
	it('refuses a member’s password log-in with a pointer to SSO, and keeps the admins’ as the way back in', async () => {
		await saveSsoSettings({ organizationId: org.id, actorId: org.adminId, settings: settings({ passwordsAllowed: false }) })
		const member = await call(loginAction, post('/login', { email: 'ada@hardmode.dev', password: 'hardmode-demo' }))
		expect(member.status).toBe(403)
		expect(member.data).toMatchObject({ formError: expect.stringContaining('Continue with SSO') })
		expect(await loginCookie('admin@hardmode.dev')).toMatch(/^hm_session=/)
	})
})

describe('the settings page', () => {
	it('is for organisation admins only', async () => {
		const lead = await loginCookie('lead@hardmode.dev')
		expect((await call(adminSsoLoader, get('/admin/sso', lead))).status).toBe(403)
		expect((await call(adminSsoAction, post('/admin/sso', { intent: 'remove-mapping', mappingId: 'x' }, lead))).status).toBe(403)
	})

	it('never sends the client secret back, stores it encrypted, and shows the redirect URL to register', async () => {
		const admin = await loginCookie('admin@hardmode.dev')
		const page = await call(adminSsoLoader, get('/admin/sso', admin))
		expect(page.status).toBe(200)
		expect(JSON.stringify(page.data)).not.toContain(TEST_CLIENT_SECRET)
		expect(page.data).toMatchObject({ redirectUri: CALLBACK, settings: { hasSecret: true, domains: ['sso.example'] } })
		const stored = await db.prisma.ssoProvider.findUniqueOrThrow({ where: { organizationId: org.id }, select: { clientSecretEncrypted: true } })
		expect(stored.clientSecretEncrypted).not.toContain(TEST_CLIENT_SECRET)
		expect(openSecret('sso-client-secret', stored.clientSecretEncrypted)).toBe(TEST_CLIENT_SECRET)
	})

	it('keeps the stored secret when the field is left empty, and records the change in the activity log', async () => {
		const admin = await loginCookie('admin@hardmode.dev')
		const save = await call(
			adminSsoAction,
			post(
				'/admin/sso',
				{
					intent: 'save-settings',
					enabled: 'on',
					issuerUrl: provider.issuer,
					clientId: TEST_CLIENT_ID,
					clientSecret: '',
					domains: 'sso.example, @Sso.Example',
					claimName: 'groups',
				},
				admin,
			),
		)
		expect(save.status).toBe(200)
		const stored = await db.prisma.ssoProvider.findUniqueOrThrow({
			where: { organizationId: org.id },
			select: { clientSecretEncrypted: true, passwordsAllowed: true },
		})
		expect(openSecret('sso-client-secret', stored.clientSecretEncrypted)).toBe(TEST_CLIENT_SECRET)
		expect(stored.passwordsAllowed).toBe(false) // the box was left unticked
		expect(await db.prisma.auditEvent.count({ where: { organizationId: org.id, action: 'sso.settings_saved', actorId: org.adminId } })).toBeGreaterThan(0)
	})

	it('explains wrong input next to each field and saves nothing', async () => {
		const admin = await loginCookie('admin@hardmode.dev')
		const save = await call(
			adminSsoAction,
			post('/admin/sso', { intent: 'save-settings', issuerUrl: 'http://login.example.com', clientId: '', domains: 'not a domain', claimName: 'groups' }, admin),
		)
		expect(save.status).toBe(400)
		expect(save.data).toMatchObject({
			fieldErrors: {
				issuerUrl: [expect.stringContaining('Use an https:// address')],
				clientId: [expect.stringContaining('Enter the client ID')],
				domains: [expect.stringContaining('Not a domain: not, a, domain')],
			},
		})
		const mapping = await call(adminSsoAction, post('/admin/sso', { intent: 'add-mapping', claimValue: 'readers', teamId: '', teamRole: 'learner' }, admin))
		expect(mapping.data).toMatchObject({ fieldErrors: { teamId: ['Choose a team, make the group admins, or both.'] } })
	})

	it('refuses a domain another organisation signs in with', async () => {
		const other = await db.prisma.organization.create({ data: { name: 'Copycat Inc' }, select: { id: true } })
		const result = await saveSsoSettings({ organizationId: other.id, actorId: null, settings: settings() })
		expect(result).toEqual({ ok: false, fieldErrors: { domains: [expect.stringContaining('Another organisation signs in with sso.example already')] } })
	})
})
