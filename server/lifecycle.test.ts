// Readiness and draining in front of an app on a loopback port: what a load balancer and a
// client in flight see while an instance shuts down.
import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createLifecycle, READINESS_PATH, shutDown } from './lifecycle.ts'

const quiet = { info: () => {}, warn: () => {}, error: () => {} }
let servers: http.Server[] = []
afterEach(() => {
	for (const server of servers) server.closeAllConnections()
	servers = []
})

/** An app whose /slow requests wait until `release` is called. */
async function start(databaseUp = async () => true) {
	const lifecycle = createLifecycle({ databaseUp })
	const waiting: (() => void)[] = []
	const server = http.createServer(
		lifecycle.handle((req, res) => {
			if (req.url === '/slow') waiting.push(() => res.end('finished'))
			else res.end('ok')
		}),
	)
	server.listen(0, '127.0.0.1')
	await once(server, 'listening')
	servers.push(server)
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	const release = () => waiting.splice(0).forEach((finish) => finish())
	const whenWaiting = async () => {
		while (waiting.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
	}
	return { lifecycle, server, base, release, whenWaiting }
}

describe('readiness', () => {
	it('is 200 while serving, 503 once the database is down, and 503 "draining" once shutdown began', async () => {
		let up = true
		const { lifecycle, base } = await start(async () => up)
		const ready = await fetch(`${base}${READINESS_PATH}`)
		expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }])
		up = false
		const down = await fetch(`${base}${READINESS_PATH}`)
		expect([down.status, await down.json()]).toEqual([503, { status: 'database-down' }])
		up = true
		lifecycle.beginDraining()
		const draining = await fetch(`${base}${READINESS_PATH}`)
		expect([draining.status, await draining.json()]).toEqual([503, { status: 'draining' }])
		expect(draining.headers.get('connection')).toBe('close')
	})
})

describe('shutting down', () => {
	it('answers the request in flight, refuses new connections, and stops jobs before closing what the requests need', async () => {
		const { lifecycle, server, base, release, whenWaiting } = await start()
		const answer = fetch(`${base}/slow`).then((response) => response.text())
		await whenWaiting()
		const order: string[] = []
		const done = shutDown({
			server,
			lifecycle,
			logger: quiet,
			timeoutMs: 30_000,
			jobs: [{ name: 'mail', run: () => order.push('jobs stopped') }],
			after: [{ name: 'database', run: () => order.push(`database closed with ${lifecycle.inFlight} in flight`) }],
		})
		await expect(fetch(`${base}/other`)).rejects.toThrow()
		expect(lifecycle.inFlight).toBe(1)
		release()
		expect(await answer).toBe('finished')
		expect(await done).toBe(0)
		expect(order).toEqual(['jobs stopped', 'database closed with 0 in flight'])
	})

	it('cuts what is still in flight when the time runs out, and says so with exit code 1', async () => {
		const { lifecycle, server, base, whenWaiting } = await start()
		const answer = fetch(`${base}/slow`).then(
			() => 'answered',
			() => 'cut off',
		)
		await whenWaiting()
		const code = await shutDown({ server, lifecycle, logger: quiet, timeoutMs: 50, jobs: [], after: [] })
		expect(code).toBe(1)
		expect(await answer).toBe('cut off')
	})
})
