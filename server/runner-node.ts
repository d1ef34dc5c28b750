// A runner node (ADR 032): an HTTP service that owns a sandbox pool and answers POST /run with a
// RunResult. It holds no database URL and no session secret, only the secret shared with the
// web instances, so learner code never runs where the data's credentials are.
import http from 'node:http'
import { pino, type Logger } from 'pino'
import { createRunnerPool, runTests, type RunnerPool } from '#app/runner/index.ts'
import type { RunnerNodeEnv } from '#app/runner/remote/env.ts'
import { RUN_PATH } from '#app/runner/remote/remote-pool.ts'
import { REQUEST_ID_HEADER, ReplayGuard, verifyRequest } from '#app/runner/remote/signing.ts'

/** Far above any run the app sends (512 KB of source by default), well below what could hurt. */
const MAX_BODY_BYTES = 8 * 1024 * 1024
/** Seconds a busy or draining node asks clients to wait before trying it again. */
const RETRY_AFTER_SECONDS = 2

export type RunnerNode = {
	server: http.Server
	readonly ready: boolean
	/** Runs received and not yet answered. */
	readonly inFlight: number
	/** Stops being ready and refuses new runs, waits for those in flight (at most `graceMs`), then closes. Resolves true when none was cut short. */
	drain(graceMs: number): Promise<boolean>
}

export function createRunnerNode({ secret, pool, logger }: { secret: string; pool: RunnerPool; logger: Logger }): RunnerNode {
	const replays = new ReplayGuard()
	let ready = false
	let draining = false
	let inFlight = 0
	const waiters = new Set<() => void>()
	void pool
		.ready()
		.then(() => {
			ready = true
			logger.info({ workers: pool.size }, 'runner node ready')
		})
		.catch((error: unknown) => logger.error({ err: error }, 'the sandbox workers did not start; not ready'))

	const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
		res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers })
		res.end(JSON.stringify(body))
	}

	async function run(req: http.IncomingMessage, res: http.ServerResponse) {
		const started = performance.now()
		const body = await readBody(req)
		if (body === undefined) return send(res, 413, { error: `The request body is larger than ${MAX_BODY_BYTES} bytes.` })
		const verdict = verifyRequest({ secret, method: 'POST', path: RUN_PATH, body, headers: req.headers }, replays)
		if (!verdict.ok) {
			logger.warn({ requestId: req.headers[REQUEST_ID_HEADER], reason: verdict.reason, from: req.socket.remoteAddress }, 'run refused')
			return send(res, 401, { error: `Refused: ${verdict.reason}.` })
		}
		const log = logger.child({ requestId: verdict.requestId })
		if (draining) {
			log.info('run refused: the node is shutting down')
			return send(res, 503, { error: 'This runner node is shutting down.' }, { 'retry-after': String(RETRY_AFTER_SECONDS), connection: 'close' })
		}
		let request: unknown
		try {
			request = JSON.parse(body)
		} catch {
			return send(res, 400, { error: 'The request body is not JSON.' })
		}
		log.info('run received')
		const result = await runTests(request as Parameters<typeof runTests>[0], { pool })
		const ms = Math.round(performance.now() - started)
		// The pool refused it for its queue: nothing ran, so another node may take it.
		if (result.limit === 'queue') {
			log.info({ ms }, 'run refused: the queue is full')
			return send(res, 503, { error: result.message }, { 'retry-after': String(RETRY_AFTER_SECONDS) })
		}
		log.info({ ms, status: result.status, limit: result.limit }, 'run answered')
		send(res, 200, result)
	}

	const server = http.createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0]
		if (req.method === 'GET' && path === '/healthz') return send(res, 200, { status: 'alive' })
		if (req.method === 'GET' && path === '/readyz') {
			const status = draining ? 'draining' : ready ? 'ready' : 'starting'
			return send(res, status === 'ready' ? 200 : 503, { status, inFlight })
		}
		if (path !== RUN_PATH) return send(res, 404, { error: 'Not found. A runner node answers POST /run, GET /healthz and GET /readyz.' })
		if (req.method !== 'POST') return send(res, 405, { error: 'Use POST.' }, { allow: 'POST' })
		inFlight++
		run(req, res)
			.catch((error: unknown) => {
				logger.error({ err: error }, 'run failed')
				if (!res.headersSent) send(res, 500, { error: 'The runner node failed; the run can be sent again.' })
			})
			.finally(() => {
				inFlight--
				if (inFlight === 0) for (const wake of waiters) wake()
			})
	})

	return {
		server,
		get ready() {
			return ready && !draining
		},
		get inFlight() {
			return inFlight
		},
		async drain(graceMs) {
			draining = true
			logger.info({ inFlight, graceMs }, 'draining: not ready, finishing the runs in flight')
			const settled =
				inFlight === 0 ||
				(await new Promise<boolean>((resolve) => {
					const timer = setTimeout(() => resolve(false), graceMs)
					waiters.add(() => {
						clearTimeout(timer)
						resolve(true)
					})
				}))
			if (!settled) logger.warn({ inFlight }, 'the shutdown grace ran out with runs in flight')
			await new Promise<void>((resolve) => {
				server.close(() => resolve())
				server.closeAllConnections()
			})
			await pool.close()
			return settled
		},
	}
}

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = []
		let bytes = 0
		req.on('data', (chunk: Buffer) => {
			bytes += chunk.length
			if (bytes > MAX_BODY_BYTES) {
				resolve(undefined)
				req.destroy()
			} else chunks.push(chunk)
		})
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
		req.on('error', reject)
	})
}

/** `npm run runner`: listens, becomes ready once its workers are, and drains on SIGTERM or SIGINT. */
export function startRunnerNode(env: RunnerNodeEnv) {
	const logger = pino({ level: env.LOG_LEVEL, base: { service: 'runner', pid: process.pid } })
	const pool = createRunnerPool({ size: env.RUNNER_POOL_SIZE, maxQueue: env.RUNNER_MAX_QUEUE })
	const node = createRunnerNode({ secret: env.RUNNER_SECRET, pool, logger })
	node.server.listen(env.RUNNER_PORT, env.RUNNER_HOST, () => {
		const address = node.server.address()
		const port = typeof address === 'object' && address ? address.port : env.RUNNER_PORT
		logger.info({ port, host: env.RUNNER_HOST }, `Runner node listening at http://${env.RUNNER_HOST}:${port}`)
	})
	let stopping = false
	const stop = async (signal: string) => {
		// A second signal does not wait.
		if (stopping) process.exit(1)
		stopping = true
		logger.info(`${signal} received, shutting down`)
		const settled = await node.drain(env.RUNNER_SHUTDOWN_GRACE_MS)
		logger.info(settled ? 'every run in flight was answered; exiting' : 'exiting with runs unanswered')
		process.exit(settled ? 0 : 1)
	}
	process.on('SIGTERM', () => void stop('SIGTERM'))
	process.on('SIGINT', () => void stop('SIGINT'))
	return node
}
