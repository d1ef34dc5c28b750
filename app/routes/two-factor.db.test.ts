// Two-factor sign-in (ADR 029): setting it up, the code step after the password, recovery codes,
// replayed and guessed codes, turning it off, and an organisation that requires it.
import { generateSync } from 'otplib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { LOGIN_FAILURES_PER_ACCOUNT } from '#app/utils/rate-limit.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as admin from './admin.tsx'
import * as dashboard from './dashboard.tsx'
import * as login from './login.tsx'
import * as step from './login.two-factor.tsx'
import * as settings from './settings.two-factor.tsx'

let db: Database
beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await seedDemo(db.prisma)
	// Two more learners of the demo organisation.
	const org = await db.prisma.organization.findFirstOrThrow({ select: { id: true } })
	for (const [email, name] of [
		['tomas@hardmode.dev', 'Tomas Lind'],
		['priya@hardmode.dev', 'Priya Raman'],
	]) {
		await db.prisma.user.create({
			data: { organizationId: org.id, email: email!, name: name!, passwordHash: await hashPassword(PASSWORD) },
			select: { id: true },
		})
	}
})
afterAll(async () => {
	await db?.close()
})

const PASSWORD = 'hardmode-demo'
const codeAt = (secret: string, offsetSeconds = 0) => generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds })
const cookieOf = (headers: Headers, name: string) =>
	headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith(`${name}=`))
const userId = async (email: string) => (await db.prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id
// Each accepted code moves the account past its time step; a test that signs in again within the same
// half-minute forgets it, as the next step would.
const forgetLastCode = async (email: string) => db.prisma.twoFactor.update({ where: { userId: await userId(email) }, data: { lastTimeStep: null } })

/** Turns two-factor sign-in on for the signed-in person and returns the secret and recovery codes. */
async function enable(cookie: string) {
	expect((await call(settings.action, post('/settings/two-factor', { intent: 'start' }, cookie))).status).toBe(200)
	const page = await call(settings.loader, get('/settings/two-factor', cookie))
	const { enrolment } = page.data as { enrolment: { qrDataUrl: string; secret: string } }
	const secret = enrolment.secret.replace(/\s+/g, '')
	const confirmed = await call(settings.action, post('/settings/two-factor', { intent: 'confirm', code: codeAt(secret) }, cookie))
	expect(confirmed.status).toBe(200)
	return { secret, recoveryCodes: (confirmed.data as { recoveryCodes: string[] }).recoveryCodes, enrolment }
}

/** The password step: returns the code step's cookie (no session). */
async function passwordStep(email: string, redirectTo?: string) {
	const result = await call(login.action, post('/login', { email, password: PASSWORD, ...(redirectTo ? { redirectTo } : {}) }))
	expect(result.status).toBe(302)
	expect(result.headers.get('Location')).toBe('/login/two-factor')
	expect(cookieOf(result.headers, 'hm_session')).toBeUndefined()
	return cookieOf(result.headers, 'hm_two_factor')!
}

const codeStep = (challenge: string, code: string) => call(step.action, post('/login/two-factor', { code }, challenge))

describe('setting up two-factor sign-in', () => {
	it('shows a QR code and the key as text, turns on only with a right code, and shows ten recovery codes once', async () => {
		const cookie = await loginCookie('grace@hardmode.dev')
		await call(settings.action, post('/settings/two-factor', { intent: 'start' }, cookie))
		const page = await call(settings.loader, get('/settings/two-factor', cookie))
		const { enrolment, status } = page.data as { enrolment: { qrDataUrl: string; secret: string }; status: { enabled: boolean } }
		expect(status.enabled).toBe(false)
		expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/)
		expect(enrolment.secret).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/)
		const secret = enrolment.secret.replace(/\s+/g, '')

		const wrong = await call(
			settings.action,
			post('/settings/two-factor', { intent: 'confirm', code: '000000' === codeAt(secret) ? '111111' : '000000' }, cookie),
		)
		expect(wrong).toMatchObject({ status: 400, data: { fieldErrors: { code: [expect.stringContaining('not right')] } } })
		expect(await db.prisma.twoFactor.count({ where: { user: { email: 'grace@hardmode.dev' }, enabledAt: { not: null } } })).toBe(0)

		const confirmed = await call(settings.action, post('/settings/two-factor', { intent: 'confirm', code: codeAt(secret) }, cookie))
		const codes = (confirmed.data as { recoveryCodes: string[] }).recoveryCodes
		expect(codes).toHaveLength(10)
		// The secret is stored encrypted and the codes hashed; the page no longer shows either.
		const stored = await db.prisma.twoFactor.findFirstOrThrow({ where: { user: { email: 'grace@hardmode.dev' } }, select: { secretEncrypted: true } })
		expect(stored.secretEncrypted).not.toContain(secret)
		const hashes = (await db.prisma.recoveryCode.findMany({ where: { user: { email: 'grace@hardmode.dev' } }, select: { codeHash: true } })).map(
			(c) => c.codeHash,
		)
		expect(hashes).toHaveLength(10)
		for (const code of codes) expect(hashes.join(' ')).not.toContain(code.replace(/-/g, ''))
		const after = await call(settings.loader, get('/settings/two-factor', cookie))
		expect(JSON.stringify(after.data)).not.toContain(codes[0]!)
		expect(after.data).toMatchObject({ status: { enabled: true, recoveryCodesLeft: 10 }, enrolment: null })
		expect(await db.prisma.auditEvent.count({ where: { action: 'user.two_factor_enabled', actor: { email: 'grace@hardmode.dev' } } })).toBe(1)
	})

	it('can be cancelled before it is on', async () => {
		const cookie = await loginCookie('tomas@hardmode.dev')
		await call(settings.action, post('/settings/two-factor', { intent: 'start' }, cookie))
		await call(settings.action, post('/settings/two-factor', { intent: 'cancel' }, cookie))
		expect(await db.prisma.twoFactor.count({ where: { user: { email: 'tomas@hardmode.dev' } } })).toBe(0)
		// Signing in still takes the password alone.
		await loginCookie('tomas@hardmode.dev')
	})
})

describe('signing in with two-factor sign-in', () => {
	let secret: string
	let recoveryCodes: string[]
	beforeAll(async () => {
		;({ secret, recoveryCodes } = await enable(await loginCookie('ada@hardmode.dev')))
	})

	it('asks for a code after the password; the half-signed-in browser opens no page', async () => {
		const challenge = await passwordStep('ada@hardmode.dev')
		const page = await call(dashboard.loader, get('/dashboard', challenge))
		expect(page.status).toBe(302)
		expect(page.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
		expect(await getOptionalUser(get('/', challenge))).toBeNull()
		expect((await call(step.loader, get('/login/two-factor', challenge))).status).toBe(200)
		// Without the cookie, or with a forged one, the code page sends the person back to the password.
		for (const cookie of [undefined, 'hm_two_factor=forged.value']) {
			const refused = await call(step.loader, get('/login/two-factor', cookie))
			expect(refused.headers.get('Location')).toBe('/login?twoFactor=expired')
		}
	})

	it('accepts an app code once: the same code again, within its window, is refused', async () => {
		await forgetLastCode('ada@hardmode.dev')
		const code = codeAt(secret)
		const signedIn = await codeStep(await passwordStep('ada@hardmode.dev', '/attempts'), code)
		expect(signedIn.status).toBe(302)
		expect(signedIn.headers.get('Location')).toBe('/attempts')
		const session = cookieOf(signedIn.headers, 'hm_session')!
		expect(await getOptionalUser(get('/', session))).toMatchObject({ email: 'ada@hardmode.dev' })
		expect(cookieOf(signedIn.headers, 'hm_two_factor')).toBe('hm_two_factor=')

		const replay = await codeStep(await passwordStep('ada@hardmode.dev'), code)
		expect(replay).toMatchObject({ status: 400, data: { error: expect.stringContaining('used already') } })
	})

	it('accepts a recovery code once, in any case, and records its use', async () => {
		const typed = recoveryCodes[0]!.toUpperCase().replace(/-/g, ' ')
		const signedIn = await codeStep(await passwordStep('ada@hardmode.dev'), typed)
		expect(signedIn.status).toBe(302)
		const again = await codeStep(await passwordStep('ada@hardmode.dev'), recoveryCodes[0]!)
		expect(again).toMatchObject({ status: 400, data: { error: 'That recovery code is not right, or was used already.' } })
		const used = await db.prisma.auditEvent.findFirstOrThrow({
			where: { action: 'user.recovery_code_used', actor: { email: 'ada@hardmode.dev' } },
			select: { detail: true },
		})
		expect(used.detail).toEqual({ left: 9 })
	})

	it('ends the code step after five minutes', async () => {
		const challenge = await passwordStep('ada@hardmode.dev')
		await db.prisma.twoFactorChallenge.updateMany({ where: { user: { email: 'ada@hardmode.dev' } }, data: { expiresAt: new Date(Date.now() - 1000) } })
		const late = await codeStep(challenge, recoveryCodes[1]!)
		expect(late.status).toBe(302)
		expect(late.headers.get('Location')).toBe('/login?twoFactor=expired')
		expect(cookieOf(late.headers, 'hm_session')).toBeUndefined()
	})
})

describe('guessing codes', () => {
	it('is throttled like passwords, and a right password does not buy more guesses', async () => {
		const { secret } = await enable(await loginCookie('linus@hardmode.dev'))
		await forgetLastCode('linus@hardmode.dev')
		const right = codeAt(secret)
		const wrong = right === '123456' ? '654321' : '123456'
		const challenge = await passwordStep('linus@hardmode.dev')
		for (let i = 1; i < LOGIN_FAILURES_PER_ACCOUNT; i++) expect((await codeStep(challenge, wrong)).status).toBe(400)
		const last = await codeStep(challenge, wrong)
		expect(last).toMatchObject({ status: 429, data: { error: expect.stringContaining('Too many wrong codes') } })
		expect(last.headers.get('Retry-After')).toMatch(/^\d+$/)
		expect((await codeStep(challenge, right)).status).toBe(429)
		// Typing the password again starts a new step, but not a new allowance of guesses.
		expect((await codeStep(await passwordStep('linus@hardmode.dev'), right)).status).toBe(429)

		// The admin sees the lockout and lifts it; the right code then works.
		const adminCookie = await loginCookie('admin@hardmode.dev')
		const people = (await call(admin.loader, get('/admin', adminCookie))).data as { members: Array<{ email: string; lockedUntil: Date | null }> }
		expect(people.members.find((p) => p.email === 'linus@hardmode.dev')?.lockedUntil).toBeInstanceOf(Date)
		const lifted = await call(admin.action, post('/admin', { intent: 'lift-lockout', userId: await userId('linus@hardmode.dev') }, adminCookie))
		expect(lifted).toMatchObject({ status: 200, data: { message: 'Linus Berg can sign in again.' } })
		expect((await codeStep(await passwordStep('linus@hardmode.dev'), right)).status).toBe(302)
	})
})

describe('changing two-factor sign-in once it is on', () => {
	it('makes new recovery codes and turns off only with a current code or the password', async () => {
		const cookie = await loginCookie('priya@hardmode.dev')
		const { secret, recoveryCodes } = await enable(cookie)
		await forgetLastCode('priya@hardmode.dev')

		const noProof = await call(settings.action, post('/settings/two-factor', { intent: 'regenerate', proof: 'not my password' }, cookie))
		expect(noProof).toMatchObject({ status: 400, data: { fieldErrors: { proof: ['That is neither a current code from your app nor your password.'] } } })
		const regenerated = await call(settings.action, post('/settings/two-factor', { intent: 'regenerate', proof: codeAt(secret) }, cookie))
		const fresh = (regenerated.data as { recoveryCodes: string[] }).recoveryCodes
		expect(fresh).toHaveLength(10)
		expect(fresh).not.toContain(recoveryCodes[0])
		// The old codes no longer work; the new ones do.
		expect((await codeStep(await passwordStep('priya@hardmode.dev'), recoveryCodes[0]!)).status).toBe(400)
		expect((await codeStep(await passwordStep('priya@hardmode.dev'), fresh[0]!)).status).toBe(302)

		const off = await call(settings.action, post('/settings/two-factor', { intent: 'disable', proof: PASSWORD }, cookie))
		expect(off).toMatchObject({ status: 200, data: { message: 'Two-factor sign-in is off. You sign in with your password alone.' } })
		await loginCookie('priya@hardmode.dev')
		const actions = (await db.prisma.auditEvent.findMany({ where: { actor: { email: 'priya@hardmode.dev' } }, select: { action: true } })).map((e) => e.action)
		expect(actions).toEqual(
			expect.arrayContaining(['user.two_factor_enabled', 'user.recovery_codes_regenerated', 'user.recovery_code_used', 'user.two_factor_disabled']),
		)
	})
})

describe('an organisation that requires two-factor sign-in', () => {
	it('sends admins and leads without it to set it up before any other page; learners are not asked', async () => {
		const adminCookie = await loginCookie('admin@hardmode.dev')
		const required = await call(admin.action, post('/admin', { intent: 'two-factor-requirement', required: 'yes' }, adminCookie))
		expect(required.status).toBe(200)
		expect(await db.prisma.auditEvent.count({ where: { action: 'organization.two_factor_required' } })).toBe(1)

		const lead = await loginCookie('lead@hardmode.dev')
		const sent = await call(dashboard.loader, get('/dashboard', lead))
		expect(sent.status).toBe(302)
		expect(sent.headers.get('Location')).toBe('/settings/two-factor?required=1')
		expect((await call(admin.loader, get('/admin', adminCookie))).headers.get('Location')).toBe('/settings/two-factor?required=1')
		expect((await call(settings.loader, get('/settings/two-factor', lead))).data).toMatchObject({ required: true })
		expect((await call(dashboard.loader, get('/dashboard', await loginCookie('tomas@hardmode.dev')))).status).toBe(200)

		await enable(lead)
		expect((await call(dashboard.loader, get('/dashboard', lead))).status).toBe(200)

		await enable(adminCookie)
		const optional = await call(admin.action, post('/admin', { intent: 'two-factor-requirement', required: 'no' }, adminCookie))
		expect(optional.status).toBe(200)
		expect(await db.prisma.auditEvent.count({ where: { action: 'organization.two_factor_optional' } })).toBe(1)
	})
})
