// The flood guard (server/request-limit.ts) on a loopback port, with sessions in a real database:
// forty learners behind one office address are each counted on their own, while signed-out
// traffic from one address is still capped.
import { once } from 'node:events'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '#tests/db.ts'
import { useDatabase, type Database } from '#app/utils/db.server.ts'
import { hashToken, newSessionToken, sessionCookieValue } from '#app/utils/session.server.ts'
import { REQUESTS_PER_MINUTE, requestLimit } from './request-limit.ts'

const SECRET = 's'.repeat(32)
const LEARNERS = 40

let db: Database
let server: Server
let base: string
const cookies: string[] = []

beforeAll(async () => {
	db = await createTestDatabase()
	useDatabase(db)
	const organization = await db.prisma.organization.create({ data: { name: 'Office' }, select: { id: true } })
	for (let i = 0; i < LEARNERS + 1; i++) {
		const user = await db.prisma.user.create({
			data: { organizationId: organization.id, email: `learner${i}@office.test`, name: `Learner ${i}`, passwordHash: 'not-used' },
			select: { id: true },
		})
		const token = newSessionToken()
		await db.prisma.session.create({
			data: { organizationId: organization.id, userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000) },
			select: { id: true },
		})
		cookies.push(`hm_session=${encodeURIComponent(sessionCookieValue(token, SECRET))}`)
	}
	const app = express()
	app.use(requestLimit({ sessionSecret: SECRET }))
	app.use((_req, res) => void res.send('ok'))
	server = app.listen(0, '127.0.0.1')
	await once(server, 'listening')
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
	await new Promise((resolve) => server?.close(resolve))
	await db?.close()
})

const statusOf = async (path: string, cookie?: string) => (await fetch(`${base}${path}`, { headers: cookie ? { Cookie: cookie } : {} })).status

/** Sends `count` requests, a few at a time, and returns how many were refused with 429. */
async function refused(count: number, cookieFor: (i: number) => string | undefined) {
	let refusals = 0
	for (let start = 0; start < count; start += 20) {
		const batch = Array.from({ length: Math.min(20, count - start) }, (_, j) => statusOf('/attempts/a/events', cookieFor(start + j)))
		refusals += (await Promise.all(batch)).filter((status) => status === 429).length
	}
	return refusals
}

describe('the request limit', () => {
	it(`lets ${LEARNERS} signed-in learners on one address send more together than one address may`, async () => {
		// Sixteen requests each (an event batch every few seconds, runs, pages): more than the address limit in total.
		const perLearner = 16
		expect(LEARNERS * perLearner).toBeGreaterThan(REQUESTS_PER_MINUTE)
		expect(await refused(LEARNERS * perLearner, (i) => cookies[i % LEARNERS])).toBe(0)
	})

	it('still limits one signed-in learner, and says it is their account', async () => {
		const flooder = cookies[LEARNERS]!
		expect(await refused(REQUESTS_PER_MINUTE, () => flooder)).toBe(0)
		const answer = await fetch(`${base}/dashboard`, { headers: { Cookie: flooder } })
		expect(answer.status).toBe(429)
		expect(await answer.text()).toContain('Too many requests from your account')
		// Everyone else on the address is unaffected.
		expect(await statusOf('/dashboard', cookies[0])).toBe(200)
	})

	it('limits signed-out requests, and made-up or forged session cookies, per address', async () => {
		const forged = `hm_session=${encodeURIComponent(`${newSessionToken()}.not-a-signature`)}`
		expect(await refused(REQUESTS_PER_MINUTE, (i) => (i % 2 === 0 ? undefined : forged))).toBe(0)
		const answer = await fetch(`${base}/login`)
		expect(answer.status).toBe(429)
		expect(await answer.text()).toContain('Too many requests from your address')
		expect(await statusOf('/login', forged)).toBe(429)
		// A signed-in learner from the same address is not caught by it.
		expect(await statusOf('/dashboard', cookies[1])).toBe(200)
	})
})
