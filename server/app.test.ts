// The real Express app on a loopback port, with the real pages (React Router through Vite,
// as `npm run dev` serves them), so limits are tested the way a client meets them.
import { once } from 'node:events'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import type { RequestHandler } from 'express'
import { pino } from 'pino'
import type { ServerBuild } from 'react-router'
import { createServer as createViteServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseEnv } from '#app/utils/env.server.ts'
import { createApp, reactRouterHandler } from './app.ts'

const MAX_BODY_BYTES = 64 * 1024

let vite: ViteDevServer
beforeAll(async () => {
	// Server rendering only: no HMR socket (it would take a running dev server's port) and no
	// client dependency optimising into the cache a developer's dev server uses.
	vite = await createViteServer({
		cacheDir: 'node_modules/.cache/hardmode-app-test-vite',
		server: { middlewareMode: true, hmr: false },
		optimizeDeps: { noDiscovery: true, include: [] },
		logLevel: 'error',
	})
})
afterAll(async () => {
	await vite?.close()
})

type RunningApp = { port: number; logLines: string[]; close: () => Promise<void> }

const reactRouter = () => reactRouterHandler(() => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>, 'development')

async function startApp(variables: Record<string, string> = {}, pages: RequestHandler = reactRouter()): Promise<RunningApp> {
	const env = parseEnv({ NODE_ENV: 'development', SESSION_SECRET: 'a'.repeat(32), MAX_BODY_BYTES: String(MAX_BODY_BYTES), LOG_LEVEL: 'info', ...variables })
	const logLines: string[] = []
	const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (logLines.push(String(chunk)), done()) }))
	const app = createApp({ env, logger, assets: vite.middlewares, pages })
	const server = app.listen(0, '127.0.0.1')
	await once(server, 'listening')
	return {
		port: (server.address() as AddressInfo).port,
		logLines,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	}
}

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; answeredBeforeBodyEnded: boolean; connectionClosed: Promise<void> }

/**
 * Posts `totalBytes` of `pattern` as a chunked body (no Content-Length), stopping early once
 * the server answers, and resolves with the answer.
 */
function postChunked(
	port: number,
	path: string,
	contentType: string,
	totalBytes: number,
	pattern = 'a',
	connection: 'keep-alive' | 'close' = 'close',
): Promise<Answer> {
	return new Promise((resolve, reject) => {
		// Without an agent Node asks for `Connection: close`; browsers keep connections alive.
		const agent = connection === 'close' ? false : new http.Agent({ keepAlive: true })
		const request = http.request({
			host: '127.0.0.1',
			port,
			path,
			method: 'POST',
			agent,
			headers: { 'Content-Type': contentType, 'Transfer-Encoding': 'chunked' },
		})
		let answered = false
		let bodyEnded = false
		// The server may close while we are still sending; after its answer that is expected.
		request.on('error', (error) => {
			if (!answered) reject(error)
		})
		request.on('response', (response) => {
			answered = true
			const answeredBeforeBodyEnded = !bodyEnded
			const socket = response.socket
			const connectionClosed = socket.destroyed ? Promise.resolve() : once(socket, 'close').then(() => undefined)
			let body = ''
			response.setEncoding('utf8')
			response.on('data', (chunk: string) => (body += chunk))
			response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body, answeredBeforeBodyEnded, connectionClosed }))
			response.on('error', reject)
		})
		const chunk = Buffer.from(pattern.repeat(Math.ceil((16 * 1024) / pattern.length)).slice(0, 16 * 1024))
		let sent = 0
		const sendMore = () => {
			while (!answered && sent < totalBytes) {
				const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - sent))
				sent += piece.length
				if (!request.write(piece)) return void request.once('drain', sendMore)
			}
			if (!answered) {
				bodyEnded = true
				request.end()
			}
		}
		sendMore()
	})
}

function post(port: number, path: string, body: string, headers: Record<string, string>) {
	return fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body, headers })
}

describe('request bodies', () => {
	let running: RunningApp
	beforeAll(async () => {
		running = await startApp()
	})
	afterAll(async () => {
		await running?.close()
	})

	it('refuses a chunked form post over the limit on a public form with the 413 page', async () => {
		const answer = await postChunked(running.port, '/resources/theme', 'application/x-www-form-urlencoded', 4 * MAX_BODY_BYTES, 'theme=dark&x=')
		expect(answer.status).toBe(413)
		expect(answer.headers['content-type']).toMatch(/text\/html/)
		expect(answer.body).toContain('That was too much to send')
		expect(answer.body).toContain('the limit of 64 KB')
	})

	it.each(['close', 'keep-alive'] as const)(
		'answers an endless chunked body at the limit (Connection: %s), closes that connection, and keeps serving',
		async (connection) => {
			const answer = await postChunked(running.port, '/resources/theme', 'application/x-www-form-urlencoded', 2 ** 30, 'a', connection)
			expect(answer.status).toBe(413)
			expect(answer.answeredBeforeBodyEnded).toBe(true)
			await answer.connectionClosed

			const next = await post(running.port, '/resources/theme', 'theme=dark', { 'Content-Type': 'application/x-www-form-urlencoded' })
			expect(next.status).toBe(200)
			expect(next.headers.get('Set-Cookie')).toMatch(/theme=dark/)
			const page = await fetch(`http://127.0.0.1:${running.port}/login`)
			expect(page.status).toBe(200)
			expect(await page.text()).toContain('Log in to Hardmode')
		},
	)

	it('refuses a chunked JSON body over the limit on the attempt events endpoint with a JSON error', async () => {
		const answer = await postChunked(running.port, '/attempts/cm0000000000000000000000/events', 'application/json', 4 * MAX_BODY_BYTES, '[{"type":"x"},')
		expect(answer.status).toBe(413)
		expect(answer.headers['content-type']).toMatch(/application\/json/)
		expect(JSON.parse(answer.body)).toEqual({ error: expect.stringContaining('Nothing was saved') })
	})

	it('still refuses a declared Content-Length over the limit before reading, and accepts a body at the limit', async () => {
		const tooLarge = await post(running.port, '/resources/theme', `theme=dark&x=${'a'.repeat(MAX_BODY_BYTES)}`, {
			'Content-Type': 'application/x-www-form-urlencoded',
		})
		expect(tooLarge.status).toBe(413)
		expect(await tooLarge.text()).toContain('The request was 65 KB')

		const atLimit = await post(running.port, '/resources/theme', `theme=dark&x=${'a'.repeat(MAX_BODY_BYTES - 13)}`, {
			'Content-Type': 'application/x-www-form-urlencoded',
		})
		expect(atLimit.status).toBe(200)
	})
})

describe('the client address behind a proxy', () => {
	// Route modules read the client address from this header; the server sets it from req.ip.
	const echoClientAddress: RequestHandler = (req, res) => void res.json({ clientAddress: req.headers['x-hardmode-client-ip'] })
	const clientAddressSeen = async (port: number, forwardedFor: string) => {
		const response = await fetch(`http://127.0.0.1:${port}/whoami`, { headers: { 'X-Forwarded-For': forwardedFor } })
		return ((await response.json()) as { clientAddress: string }).clientAddress
	}

	it('ignores a forged X-Forwarded-For when no proxy is trusted (the default)', async () => {
		const running = await startApp({}, echoClientAddress)
		try {
			expect(await clientAddressSeen(running.port, '203.0.113.66')).toMatch(/^(::ffff:)?127\.0\.0\.1$/)
		} finally {
			await running.close()
		}
	})

	it.each([
		['a hop count of 1', '1'],
		['the proxy’s address', '127.0.0.1'],
	])('takes the address the one proxy appended, not the one the client forged, with %s', async (_name, trustProxy) => {
		const running = await startApp({ TRUST_PROXY: trustProxy }, echoClientAddress)
		try {
			// The client sent `X-Forwarded-For: 203.0.113.66`; the proxy (this loopback peer) appended the address it saw.
			expect(await clientAddressSeen(running.port, '203.0.113.66, 198.51.100.9')).toBe('198.51.100.9')
		} finally {
			await running.close()
		}
	})
})

describe('the access log', () => {
	it('never records the token of a password reset or address confirmation link', async () => {
		const token = 'Qm8vT2xLr5Nc0aZe7YpU3sWd6HfJ1gKb9iXo4nVq2Ry'
		const running = await startApp({}, (_req, res) => void res.status(404).send('not here'))
		try {
			await fetch(`http://127.0.0.1:${running.port}/reset-password/${token}`)
			await fetch(`http://127.0.0.1:${running.port}/verify-email/${token}`)
			await vi.waitFor(() => expect(running.logLines.filter((line) => line.includes('"url"'))).toHaveLength(2))
			const log = running.logLines.join('\n')
			expect(log).not.toContain(token)
			expect(log).toContain('/reset-password/[token]')
			expect(log).toContain('/verify-email/[token]')
		} finally {
			await running.close()
		}
	})

	it('never records an invite token, in the path or in a redirect back to it', async () => {
		const token = 'k3J9sQx2VnB7pLm4TzR8wYc1'
		const running = await startApp({}, (_req, res) => void res.status(404).send('not here'))
		try {
			await fetch(`http://127.0.0.1:${running.port}/invite/${token}`)
			await fetch(`http://127.0.0.1:${running.port}/invite/${token}?intent=join`, {
				method: 'POST',
				body: 'intent=join',
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			})
			await fetch(`http://127.0.0.1:${running.port}/login?redirectTo=${encodeURIComponent(`/invite/${token}`)}`)
			await vi.waitFor(() => expect(running.logLines.filter((line) => line.includes('"url"'))).toHaveLength(3))
			const log = running.logLines.join('\n')
			expect(log).not.toContain(token)
			expect(log).toContain('/invite/[token]')
		} finally {
			await running.close()
		}
	})
})

describe('metrics on the main port', () => {
	const notHere: RequestHandler = (_req, res) => void res.status(404).send('not here')

	it('are not there without METRICS_TOKEN: /metrics is just another path', async () => {
		const running = await startApp({}, notHere)
		try {
			const response = await fetch(`http://127.0.0.1:${running.port}/metrics`)
			expect([response.status, await response.text()]).toEqual([404, 'not here'])
		} finally {
			await running.close()
		}
	})

	it('with METRICS_TOKEN, answer only the bearer of the token, and every answer carries its request id', async () => {
		const token = 'metrics-token-for-app-test'
		const running = await startApp({ METRICS_TOKEN: token }, notHere)
		try {
			const refused = await fetch(`http://127.0.0.1:${running.port}/metrics`)
			expect(refused.status).toBe(401)
			expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
			const scraped = await fetch(`http://127.0.0.1:${running.port}/metrics`, { headers: { Authorization: `Bearer ${token}`, 'X-Request-Id': 'lb-42' } })
			expect(scraped.status).toBe(200)
			expect(scraped.headers.get('x-request-id')).toBe('lb-42')
			expect(await scraped.text()).toContain('# TYPE hardmode_http_request_duration_seconds histogram')
		} finally {
			await running.close()
		}
	})
})
