import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { call, get, loginCookie, post } from '#tests/routes.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { hashToken } from '#app/utils/session.server.ts'
import { RESET_MAILS_PER_ACCOUNT } from '#app/models/password-reset.server.ts'
import { seedDemo } from '#prisma/seed/demo.ts'
import * as forgot from './forgot-password.tsx'
import * as reset from './reset-password.$token.tsx'
import * as login from './login.tsx'

let db: Database
beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	await seedDemo(db.prisma)
})
afterAll(async () => {
	await db?.close()
})

/** The token in the newest reset link mailed to `to`, as the person would click it. */
async function resetTokenMailedTo(to: string) {
	const message = await db.prisma.outboxMessage.findFirstOrThrow({ where: { to, kind: 'password-reset' }, orderBy: { createdAt: 'desc' } })
	const token = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(message.text)?.[1]
	expect(token, message.text).toBeDefined()
	return { token: token!, message }
}

const ask = (email: string, ip = '203.0.113.7') => {
	const request = post('/forgot-password', { email })
	request.headers.set('X-Hardmode-Client-IP', ip)
	return call(forgot.action, request)
}

describe('asking for a reset link', () => {
	it('answers the same whether or not an account has the address, and mails only a real one', async () => {
		const known = await ask('grace@hardmode.dev')
		const unknown = await ask('nobody-here@hardmode.dev')
		expect(known).toMatchObject({ status: 200, data: { sentTo: 'grace@hardmode.dev' } })
		expect(unknown).toMatchObject({ status: 200, data: { sentTo: 'nobody-here@hardmode.dev' } })
		expect(await db.prisma.outboxMessage.count({ where: { to: 'nobody-here@hardmode.dev' } })).toBe(0)
		const { message } = await resetTokenMailedTo('grace@hardmode.dev')
		expect(message).toMatchObject({ subject: 'Reset your Hardmode password', status: 'pending' })
		expect(message.text).toContain('The link works once, for 30 minutes.')
		expect(message.html).toContain('<a href="http://127.0.0.1:3000/reset-password/')
	})

	it('stores only the hash of the token, which expires after 30 minutes', async () => {
		const before = Date.now()
		await ask('linus@hardmode.dev')
		const { token } = await resetTokenMailedTo('linus@hardmode.dev')
		const stored = await db.prisma.accountToken.findFirstOrThrow({ where: { user: { email: 'linus@hardmode.dev' }, purpose: 'password_reset', usedAt: null } })
		expect(stored.tokenHash).toBe(hashToken(token))
		expect(JSON.stringify(stored)).not.toContain(token)
		const minutes = (stored.expiresAt.getTime() - before) / 60_000
		expect(minutes).toBeGreaterThan(29.9)
		expect(minutes).toBeLessThan(30.5)
	})

	it('refuses a malformed address with a message next to the field', async () => {
		expect(await ask('not an address')).toMatchObject({ status: 400, data: { fieldErrors: { email: [expect.stringMatching(/valid e-mail/)] } } })
	})

	it('sends one account only a few links per quarter hour, without saying so', async () => {
		for (let index = 0; index < RESET_MAILS_PER_ACCOUNT + 2; index++) expect((await ask('lead@hardmode.dev', '198.51.100.20')).status).toBe(200)
		expect(await db.prisma.outboxMessage.count({ where: { to: 'lead@hardmode.dev' } })).toBe(RESET_MAILS_PER_ACCOUNT)
	})

	it('limits how often one network may ask, as log-ins are limited', async () => {
		let answer = await ask('someone-1@example.com', '198.51.100.99')
		for (let index = 2; answer.status === 200 && index < 40; index++) answer = await ask(`someone-${index}@example.com`, '198.51.100.99')
		expect(answer).toMatchObject({ status: 429, data: { formError: expect.stringMatching(/^Too many requests from your network/) } })
	})
})

describe('choosing a new password through the link', () => {
	it('sets the password, ends every session of the account, and works once', async () => {
		const browserA = await loginCookie('ada@hardmode.dev')
		const browserB = await loginCookie('ada@hardmode.dev')
		await ask('ada@hardmode.dev')
		const { token } = await resetTokenMailedTo('ada@hardmode.dev')

		expect(await call(reset.loader, get(`/reset-password/${token}`), { token })).toMatchObject({
			status: 200,
			data: { usable: true, email: 'ada@hardmode.dev' },
		})
		const weak = await call(reset.action, post(`/reset-password/${token}`, { password: 'ada12345678' }), { token })
		expect(weak.status).toBe(400)

		const done = await call(reset.action, post(`/reset-password/${token}`, { password: 'a whole new sentence to remember' }, browserA), { token })
		expect(done.status).toBe(302)
		expect(done.headers.get('Location')).toBe('/login?reset=1')
		expect(await getOptionalUser(get('/', browserA))).toBeNull()
		expect(await getOptionalUser(get('/', browserB))).toBeNull()

		const old = await call(login.action, post('/login', { email: 'ada@hardmode.dev', password: 'hardmode-demo' }))
		expect(old.status).toBe(400)
		await loginCookie('ada@hardmode.dev', 'a whole new sentence to remember')

		const again = await call(reset.action, post(`/reset-password/${token}`, { password: 'yet another long sentence here' }), { token })
		expect(again).toMatchObject({ status: 410, data: { formError: expect.stringMatching(/expired or was already used/) } })
		expect(await call(reset.loader, get(`/reset-password/${token}`), { token })).toMatchObject({ status: 410, data: { usable: false } })
		const events = await db.prisma.auditEvent.findMany({ where: { action: { startsWith: 'user.password_reset' } }, select: { action: true, detail: true } })
		expect(events).toContainEqual({ action: 'user.password_reset', detail: { sessions: 2 } })
	})

	it('refuses a link after its 30 minutes', async () => {
		await ask('grace@hardmode.dev', '198.51.100.30')
		const { token } = await resetTokenMailedTo('grace@hardmode.dev')
		await db.prisma.accountToken.update({ where: { tokenHash: hashToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } })
		expect(await call(reset.loader, get(`/reset-password/${token}`), { token })).toMatchObject({ status: 410 })
		expect((await call(reset.action, post(`/reset-password/${token}`, { password: 'a whole new sentence to remember' }), { token })).status).toBe(410)
		await loginCookie('grace@hardmode.dev')
	})

	it('keeps only the newest link working, and a made-up one finds nothing', async () => {
		await ask('admin@hardmode.dev', '198.51.100.40')
		const first = await resetTokenMailedTo('admin@hardmode.dev')
		await ask('admin@hardmode.dev', '198.51.100.40')
		const second = await resetTokenMailedTo('admin@hardmode.dev')
		expect(second.token).not.toBe(first.token)
		expect(await call(reset.loader, get(`/reset-password/${first.token}`), { token: first.token })).toMatchObject({ status: 410 })
		expect(await call(reset.loader, get(`/reset-password/${second.token}`), { token: second.token })).toMatchObject({ status: 200 })
		const madeUp = 'A'.repeat(43)
		expect(await call(reset.loader, get(`/reset-password/${madeUp}`), { token: madeUp })).toMatchObject({ status: 404 })
	})
})
