// A web instance's life after it starts (ADR 034): ready while it serves; on SIGTERM it stops
// being ready, stops accepting connections, lets what is in flight finish within a time limit,
// stops its background jobs, and only then closes the sandbox and the database and exits.
import type http from 'node:http'
import type { Logger } from 'pino'

export const READINESS_PATH = '/resources/readiness'

export type Lifecycle = {
	/** The request listener for http.createServer: readiness first, the app for everything else. */
	handle(app: http.RequestListener): http.RequestListener
	readonly draining: boolean
	/** Requests received and not yet answered. */
	readonly inFlight: number
	/** Marks the instance as going away (readiness answers 503, answers close their connection). */
	beginDraining(): void
	/** Resolves true once nothing is in flight, or false when `timeoutMs` passes first. */
	settled(timeoutMs: number): Promise<boolean>
}

/**
 * Readiness answers 200 while the instance takes work and its database answers, and 503 once
 * it is draining (a load balancer then sends new work elsewhere); /resources/healthcheck stays
 * the liveness check. Every request is counted until its answer is sent or its client leaves.
 */
export function createLifecycle(options: { databaseUp: () => Promise<boolean> }): Lifecycle {
	let draining = false
	let inFlight = 0
	const waiters = new Set<() => void>()
	const notify = () => {
		if (inFlight === 0) for (const wake of waiters) wake()
	}

	async function readiness(res: http.ServerResponse) {
		const up = draining ? false : await options.databaseUp().catch(() => false)
		const status = draining ? 'draining' : up ? 'ready' : 'database-down'
		res.writeHead(draining || !up ? 503 : 200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
		res.end(JSON.stringify({ status }))
	}

	return {
		get draining() {
			return draining
		},
		get inFlight() {
			return inFlight
		},
		handle(app) {
			return (req, res) => {
				inFlight++
				res.once('close', () => {
					inFlight--
					notify()
				})
				// A keep-alive client is told to reconnect, so its next request reaches an instance that stays.
				if (draining) res.setHeader('Connection', 'close')
				if (req.method === 'GET' && req.url?.split('?')[0] === READINESS_PATH) return void readiness(res)
				app(req, res)
			}
		},
		beginDraining() {
			draining = true
		},
		settled(timeoutMs) {
			if (inFlight === 0) return Promise.resolve(true)
			return new Promise((resolve) => {
				const done = (value: boolean) => {
					clearTimeout(timer)
					waiters.delete(wake)
					resolve(value)
				}
				const wake = () => done(true)
				const timer = setTimeout(() => done(false), timeoutMs)
				waiters.add(wake)
			})
		},
	}
}

export type ShutdownStep = { name: string; run: () => unknown }

/**
 * The shutdown order: stop being ready, stop listening (idle keep-alive connections close at
 * once), stop the background jobs while requests finish, wait up to `timeoutMs` for the
 * requests, cut what is left, then the steps in `after` (sandbox, database). Resolves with the
 * exit code: 0 when everything in flight finished, 1 when the time ran out.
 */
export async function shutDown(input: {
	server: http.Server
	lifecycle: Lifecycle
	logger: Pick<Logger, 'info' | 'warn' | 'error'>
	timeoutMs: number
	jobs: ShutdownStep[]
	after: ShutdownStep[]
}): Promise<number> {
	const { server, lifecycle, logger, timeoutMs } = input
	lifecycle.beginDraining()
	const listenerClosed = new Promise<void>((resolve) => server.close(() => resolve()))
	logger.info({ inFlight: lifecycle.inFlight, timeoutMs }, 'Draining: not ready, no new connections; finishing the requests in flight')
	const jobsStopped = runSteps(input.jobs, logger)
	const finished = await lifecycle.settled(timeoutMs)
	if (!finished) logger.warn({ cut: lifecycle.inFlight }, `Requests still in flight after ${timeoutMs / 1000} s were cut off`)
	server.closeAllConnections()
	await listenerClosed
	await jobsStopped
	await runSteps(input.after, logger)
	logger.info('Shut down')
	return finished ? 0 : 1
}

async function runSteps(steps: ShutdownStep[], logger: Pick<Logger, 'error'>) {
	for (const step of steps) {
		try {
			await step.run()
		} catch (error) {
			logger.error({ err: error }, `Shutdown: ${step.name} failed`)
		}
	}
}
