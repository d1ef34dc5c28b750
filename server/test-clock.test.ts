import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withTestClock } from './test-clock.ts'

const RealDate = Date
let base = ''
let close = () => {}

beforeAll(async () => {
	const app = express()
	app.get('/now', (_request, response) => {
		response.json({ now: new Date().toISOString() })
	})
	const server = withTestClock(app).listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	close = () => server.close()
})
afterAll(() => {
	close()
	globalThis.Date = RealDate
})

const advance = (body: unknown) =>
	fetch(`${base}/__test/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })

describe('the end-to-end test clock', () => {
	it('moves the whole server forward by whole days, and the app behind it sees the new time', async () => {
		const before = RealDate.now()
		const answer = await advance({ advanceDays: 10 })
		expect(answer.status).toBe(200)
		const { now } = (await (await fetch(`${base}/now`)).json()) as { now: string }
		const ahead = (new RealDate(now).getTime() - before) / 86_400_000
		expect(ahead).toBeGreaterThanOrEqual(10)
		expect(ahead).toBeLessThan(10.01)
		expect(Date.now() - RealDate.now()).toBe(10 * 86_400_000)
	})

	it('keeps dates made with a time, and dates made before the switch, what they were', () => {
		expect(new Date('2026-01-01T00:00:00Z').toISOString()).toBe('2026-01-01T00:00:00.000Z')
		expect(new RealDate(0) instanceof Date).toBe(true)
		expect(new Date() instanceof RealDate).toBe(true)
	})

	it('never goes back, and refuses what is not a number of days', async () => {
		for (const body of [{ advanceDays: -1 }, { advanceDays: 'ten' }, {}, { advanceDays: 1e9 }]) {
			const answer = await advance(body)
			expect(answer.status).toBe(400)
			expect(((await answer.json()) as { error: string }).error).toMatch(/only moves forward/)
		}
	})
})
