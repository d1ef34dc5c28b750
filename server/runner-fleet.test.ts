// Runner nodes as real processes on loopback (ADR 032): signed requests, a busy node, a node
// killed mid-run, the circuit breaker, and a node drained by SIGTERM mid-run.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, type AddressInfo } from 'node:net'
import { pino } from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RemotePool } from '#app/runner/index.ts'
import type { RunRequest } from '#app/runner/protocol.ts'
import { signRequest } from '#app/runner/remote/signing.ts'
import { withRequestId } from '#app/utils/request-id.server.ts'

const SECRET = randomBytes(24).toString('hex')
const quick: RunRequest = { files: { 'sum.test.js': "it('adds', () => expect(1 + 1).toBe(2))\n" } }
// A few hundred milliseconds of CPU in the sandbox: time to act while it runs. The generous CPU
// limit covers a busy machine where the loop is not optimised (about ten times slower).
const slow: RunRequest = {
	files: { 'slow.test.js': "it('counts', () => { let x = 0; for (let i = 0; i < 4e8; i++) x = (x + i) | 0; expect(typeof x).toBe('number') })\n" },
	limits: { cpuMs: 15_000, wallMs: 20_000 },
}

type Node = {
	url: string
	process: ChildProcess
	logs: string[]
	exited: Promise<number | null>
	waitForLog: (pattern: RegExp, count?: number) => Promise<void>
}
const started: Node[] = []
afterAll(() => {
	for (const node of started) if (node.process.exitCode === null && node.process.signalCode === null) node.process.kill('SIGKILL')
})

/** Starts `npm run runner`'s entry with only the variables given (no DATABASE_URL, no SESSION_SECRET) and waits until it is ready. */
async function startNode(env: Record<string, string>, { waitReady = true } = {}): Promise<Node> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/runner.ts'], {
		env: { PATH: process.env.PATH ?? '', RUNNER_PORT: '0', RUNNER_POOL_SIZE: '1', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	const logs: string[] = []
	const listeners = new Set<() => void>()
	const collect = (chunk: Buffer) => {
		logs.push(...chunk.toString().split('\n').filter(Boolean))
		for (const listener of listeners) listener()
	}
	child.stdout.on('data', collect)
	child.stderr.on('data', collect)
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
	const waitForLog = (pattern: RegExp, count = 1) =>
		new Promise<void>((resolve, reject) => {
			const check = () => {
				if (logs.filter((line) => pattern.test(line)).length < count) return
				listeners.delete(check)
				resolve()
			}
			listeners.add(check)
			void exited.then(() => reject(new Error(`the node exited before logging ${pattern}:\n${logs.join('\n')}`)))
			check()
		})
	const node: Node = { url: '', process: child, logs, exited, waitForLog }
	started.push(node)
	if (!waitReady) return node
	await waitForLog(/runner node ready/)
	const port = logs.map((line) => /"port":(\d+)/.exec(line)?.[1]).find(Boolean)
	node.url = `http://127.0.0.1:${port}`
	return node
}

/** An address on loopback where nothing listens. */
async function deadAddress() {
	const server = createServer()
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	await new Promise((resolve) => server.close(resolve))
	return `http://127.0.0.1:${port}`
}

function signedPost(url: string, body: string, overrides: { secret?: string; timestamp?: number; sendBody?: string; requestId?: string } = {}) {
	const headers = signRequest({
		secret: overrides.secret ?? SECRET,
		method: 'POST',
		path: '/run',
		body,
		requestId: overrides.requestId ?? randomUUID(),
		timestamp: overrides.timestamp,
	})
	return {
		headers,
		send: () => fetch(`${url}/run`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: overrides.sendBody ?? body }),
	}
}

const remote = (nodes: Array<Node | string>, options: Partial<ConstructorParameters<typeof RemotePool>[0]> = {}) =>
	new RemotePool({ urls: nodes.map((node) => (typeof node === 'string' ? node : node.url)), secret: SECRET, logger: pino({ level: 'silent' }), ...options })

describe('runner nodes', () => {
	let a: Node
	let b: Node
	beforeAll(async () => {
		;[a, b] = await Promise.all([startNode({ RUNNER_SECRET: SECRET, RUNNER_MAX_QUEUE: '1' }), startNode({ RUNNER_SECRET: SECRET })])
	})

	it('start without DATABASE_URL or SESSION_SECRET, and refuse to start without RUNNER_SECRET', async () => {
		expect(await fetch(`${a.url}/healthz`).then((r) => r.status)).toBe(200)
		expect(await fetch(`${a.url}/readyz`).then((r) => r.json())).toEqual({ status: 'ready', inFlight: 0 })
		const unsigned = await startNode({}, { waitReady: false })
		expect(await unsigned.exited).toBe(1)
		expect(unsigned.logs.join('\n')).toContain('RUNNER_SECRET: is required')
	})

	it('answer a correctly signed run and log its request id', async () => {
		const requestId = `web-${randomUUID()}`
		const response = await signedPost(a.url, JSON.stringify(quick), { requestId }).send()
		expect(response.status).toBe(200)
		expect(await response.json()).toMatchObject({ status: 'pass', tests: [{ name: 'adds', status: 'pass' }] })
		await a.waitForLog(new RegExp(`"requestId":"${requestId}".*"run answered"`))
	})

	it('refuse a wrong secret, a tampered body, an old timestamp and a replay', async () => {
		const body = JSON.stringify(quick)
		const wrongSecret = await signedPost(a.url, body, { secret: randomBytes(24).toString('hex') }).send()
		const tampered = await signedPost(a.url, body, { sendBody: body.replace('1 + 1', '1 + 2') }).send()
		const old = await signedPost(a.url, body, { timestamp: Date.now() - 61_000 }).send()
		const unsigned = await fetch(`${a.url}/run`, { method: 'POST', body })
		expect([wrongSecret.status, tampered.status, old.status, unsigned.status]).toEqual([401, 401, 401, 401])
		expect(await old.json()).toEqual({ error: 'Refused: the timestamp is outside the replay window.' })
		const once = signedPost(a.url, body)
		expect((await once.send()).status).toBe(200)
		const replay = await once.send()
		expect(replay.status).toBe(401)
		expect(await replay.json()).toEqual({ error: 'Refused: the request was already received (a replay).' })
	})

	it("a node with a full queue answers 503 with Retry-After, and the client runs on the other node under the web request's id", async () => {
		const received = a.logs.filter((line) => line.includes('run received')).length
		const running = [signedPost(a.url, JSON.stringify(slow)).send(), signedPost(a.url, JSON.stringify(slow)).send()]
		await a.waitForLog(/run received/, received + 2)
		const full = await signedPost(a.url, JSON.stringify(quick)).send()
		expect(full.status).toBe(503)
		expect(full.headers.get('retry-after')).toBe('2')
		const client = remote([a, b])
		// The web request's id travels with the run, to whichever node answers it.
		const webRequestId = `web-${randomUUID()}`
		expect(await withRequestId(webRequestId, () => client.runTests(quick))).toMatchObject({ status: 'pass' })
		await b.waitForLog(new RegExp(`"requestId":"${webRequestId}".*"run answered"`))
		expect(client.stats().map(({ busy, succeeded }) => ({ busy, succeeded }))).toEqual([
			{ busy: 1, succeeded: 0 },
			{ busy: 0, succeeded: 1 },
		])
		for (const response of await Promise.all(running)) expect(response.status).toBe(200)
	}, 60_000)

	it('a run whose node is killed (SIGKILL) mid-run completes on the other node', async () => {
		const doomed = await startNode({ RUNNER_SECRET: SECRET })
		const client = remote([doomed, b])
		const run = client.runTests(slow)
		await doomed.waitForLog(/run received/)
		doomed.process.kill('SIGKILL')
		expect(await run).toMatchObject({ status: 'pass', tests: [{ name: 'counts', status: 'pass' }] })
		expect(client.stats().map(({ attempts, succeeded, failures }) => ({ attempts, succeeded, failures }))).toEqual([
			{ attempts: 1, succeeded: 0, failures: 1 },
			{ attempts: 1, succeeded: 1, failures: 0 },
		])
	}, 60_000)

	it('a node that does not answer in time counts as failing, and the learner is told nothing was recorded', async () => {
		const silent = createServer(() => {})
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
		try {
			const client = remote([`http://127.0.0.1:${(silent.address() as AddressInfo).port}`], { timeoutMs: 300 })
			// 'queue': nothing ran, so the attempt records nothing and the learner is asked to try again.
			expect(await client.runTests(quick)).toMatchObject({
				status: 'error',
				limit: 'queue',
				message: expect.stringMatching(/^The sandbox did not answer within 0.3 s, so there is no result and nothing was recorded/),
			})
			expect(client.stats()[0]).toMatchObject({ attempts: 1, failures: 1 })
		} finally {
			silent.close()
		}
	})

	it('with no node reachable, nothing ran: the learner is told so and asked to try again', async () => {
		expect(await remote([await deadAddress()]).runTests(quick)).toMatchObject({
			status: 'error',
			limit: 'queue',
			message: expect.stringMatching(/^No sandbox runner could be reached, so nothing was run or recorded/),
		})
	})

	it('the circuit breaker skips a dead node after repeated failures', async () => {
		const client = remote([await deadAddress(), b], { failureThreshold: 2, openMs: 60_000 })
		// Round-robin starts every other run at the dead node; after its second failure it is skipped.
		for (let i = 0; i < 8; i++) expect(await client.runTests(quick)).toMatchObject({ status: 'pass' })
		expect(client.stats()[0]).toMatchObject({ attempts: 2, failures: 2, skipped: true })
		expect(client.stats()[1]).toMatchObject({ succeeded: 8 })
	})

	it('on SIGTERM mid-run, a node stops being ready first, sends new runs elsewhere, answers the run, then exits', async () => {
		const client = remote([a, b])
		let answered = false
		const run = client.runTests(slow).finally(() => (answered = true))
		await a.waitForLog(/run received/, a.logs.filter((line) => line.includes('run received')).length + 1)
		a.process.kill('SIGTERM')
		let readiness = 200
		while (readiness === 200) readiness = await fetch(`${a.url}/readyz`).then((r) => r.status)
		const refused = await signedPost(a.url, JSON.stringify(quick)).send()
		expect({ readiness, refused: refused.status, retryAfter: refused.headers.get('retry-after'), answered }).toEqual({
			readiness: 503,
			refused: 503,
			retryAfter: '2',
			answered: false,
		})
		expect(await remote([a, b]).runTests(quick)).toMatchObject({ status: 'pass' })
		expect(await run).toMatchObject({ status: 'pass', tests: [{ name: 'counts', status: 'pass' }] })
		expect(client.stats()[0]).toMatchObject({ attempts: 1, succeeded: 1 })
		expect(await a.exited).toBe(0)
		expect(a.logs.some((line) => line.includes('every run in flight was answered'))).toBe(true)
	}, 60_000)
})
