// What a Prometheus server scrapes from a web instance (ADR 034): request latency per route,
// runs by outcome and limit, sandbox queue and worker restarts, event batches, database query
// time. One registry per process, kept on globalThis: the server and its React Router build
// each load this module, and a metric registered twice is an error.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { RunResult } from '#app/runner/protocol.ts'

// Seconds. Runs and requests: 5 ms to 10 s; queries: 0.5 ms to 2.5 s.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.3, 0.5, 1, 2.5, 5, 10]
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5]

/** What the metrics read from the sandbox pool when they are scraped (app/runner/pool.ts). */
export type PoolReading = { queueDepth: number; busyWorkers: number; stats: { started: number; recycled: number; crashed: number; killed: number } }

function createMetrics() {
	const registry = new Registry()
	collectDefaultMetrics({ register: registry, prefix: 'hardmode_' })
	const pools = new Set<() => PoolReading | undefined>()
	const readPools = () => [...pools].map((read) => read()).filter((reading): reading is PoolReading => reading !== undefined)

	return {
		registry,
		pools,
		httpDuration: new Histogram({
			name: 'hardmode_http_request_duration_seconds',
			help: 'Time from a request arriving to its answer being sent, by route pattern (not the raw URL), method and status class.',
			labelNames: ['route', 'method', 'status'] as const,
			buckets: LATENCY_BUCKETS,
			registers: [registry],
		}),
		httpInFlight: new Gauge({
			name: 'hardmode_http_requests_in_flight',
			help: 'Requests received and not yet answered.',
			registers: [registry],
		}),
		runs: new Counter({
			name: 'hardmode_runs_total',
			help: 'Sandbox runs (learner runs and submissions) by kind, outcome (pass, fail, error) and the limit that stopped them ("none" when none did).',
			labelNames: ['kind', 'status', 'limit'] as const,
			registers: [registry],
		}),
		runDuration: new Histogram({
			name: 'hardmode_run_duration_seconds',
			help: 'Time a run took as the web instance saw it, queue included, by kind.',
			labelNames: ['kind'] as const,
			buckets: LATENCY_BUCKETS,
			registers: [registry],
		}),
		runsInProgress: new Gauge({
			name: 'hardmode_runs_in_progress',
			help: 'Runs sent to the sandbox and not yet answered.',
			registers: [registry],
		}),
		queueDepth: new Gauge({
			name: 'hardmode_sandbox_queue_depth',
			help: 'Runs waiting for a sandbox worker in this process.',
			registers: [registry],
			collect() {
				this.set(readPools().reduce((sum, pool) => sum + pool.queueDepth, 0))
			},
		}),
		busyWorkers: new Gauge({
			name: 'hardmode_sandbox_busy_workers',
			help: 'Sandbox workers running learner code in this process.',
			registers: [registry],
			collect() {
				this.set(readPools().reduce((sum, pool) => sum + pool.busyWorkers, 0))
			},
		}),
		workerRestarts: new Counter({
			name: 'hardmode_sandbox_worker_restarts_total',
			help: 'Sandbox workers replaced, by reason: recycled (after many runs), crashed, or killed (past a limit).',
			labelNames: ['reason'] as const,
			registers: [registry],
			collect() {
				const total = { recycled: 0, crashed: 0, killed: 0 }
				for (const { stats } of readPools()) {
					total.recycled += stats.recycled
					total.crashed += stats.crashed
					total.killed += stats.killed
				}
				this.reset()
				for (const [reason, value] of Object.entries(total)) this.inc({ reason }, value)
			},
		}),
		eventBatches: new Counter({
			name: 'hardmode_event_batches_total',
			help: 'Workspace event batches by outcome: stored, duplicate (all already stored), refused (4xx) or failed (5xx).',
			labelNames: ['outcome'] as const,
			registers: [registry],
		}),
		eventsStored: new Counter({
			name: 'hardmode_events_stored_total',
			help: 'Workspace events stored (duplicates not counted).',
			registers: [registry],
		}),
		eventBatchDuration: new Histogram({
			name: 'hardmode_event_batch_duration_seconds',
			help: 'Time to check and store one event batch.',
			buckets: LATENCY_BUCKETS,
			registers: [registry],
		}),
		queryDuration: new Histogram({
			name: 'hardmode_db_query_duration_seconds',
			help: 'Time of each database statement, as Prisma reports it.',
			buckets: QUERY_BUCKETS,
			registers: [registry],
		}),
	}
}

export type Metrics = ReturnType<typeof createMetrics>

const globalForMetrics = globalThis as typeof globalThis & { __hardmodeMetrics?: Metrics }

/** The process's metrics, created on first use. */
export function getMetrics(): Metrics {
	globalForMetrics.__hardmodeMetrics ??= createMetrics()
	return globalForMetrics.__hardmodeMetrics
}

/** Reads a sandbox pool's queue and restarts at each scrape; returns a function that stops. */
export function watchPool(read: () => PoolReading | undefined): () => void {
	const { pools } = getMetrics()
	pools.add(read)
	return () => pools.delete(read)
}

/** Counts one run (or submission) that reached the sandbox, with how long it took. */
export function observeRun(kind: 'run' | 'submit', result: Pick<RunResult, 'status' | 'limit'>, seconds: number) {
	const metrics = getMetrics()
	metrics.runs.inc({ kind, status: result.status, limit: result.limit ?? 'none' })
	metrics.runDuration.observe({ kind }, seconds)
}

/** Counts a run while it is in the sandbox: call before, and call what it returns after. */
export function runStarted(): () => void {
	const { runsInProgress } = getMetrics()
	runsInProgress.inc()
	let done = false
	return () => {
		if (done) return
		done = true
		runsInProgress.dec()
	}
}

export type EventBatchOutcome = 'stored' | 'duplicate' | 'refused' | 'failed'

/** Counts one event batch by outcome, with the events it stored and its time. */
export function observeEventBatch(outcome: EventBatchOutcome, seconds: number, accepted = 0) {
	const metrics = getMetrics()
	metrics.eventBatches.inc({ outcome })
	if (accepted) metrics.eventsStored.inc(accepted)
	metrics.eventBatchDuration.observe(seconds)
}

/** Records one database statement's time (Prisma's query event gives milliseconds). */
export function observeQuery(milliseconds: number) {
	getMetrics().queryDuration.observe(milliseconds / 1000)
}
