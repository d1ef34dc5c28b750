import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { WorkerMessageSchema, type HostToWorker, type WorkerRunReport, type WorkerRunRequest } from './protocol.ts'

/** What a worker answers for one run, before it is turned into a RunResult. */
export type WorkerOutcome =
	| WorkerRunReport
	| { kind: 'killed'; limit: 'time' | 'memory'; reason: string }
	| { kind: 'rejected'; limit: 'queue'; queueMs: number }
	| { kind: 'unavailable'; reason: string }

export type PoolOptions = {
	/** Worker processes; default one per core. */
	size?: number
	/** Runs waiting beyond this are refused at once ("busy"). */
	maxQueue?: number
	/** A run still waiting after this long is refused. */
	queueTimeoutMs?: number
	/** A worker is replaced after this many runs, to bound what any leak can grow to. */
	recycleAfterRuns?: number
	/** Heap cap of each worker process (the isolates' own limits are separate). */
	workerHeapMb?: number
	/** The worker script; only diagnostics and tests set it. */
	entry?: string
}

type Job = {
	request: WorkerRunRequest
	owner: string
	enqueuedAt: number
	resolve: (outcome: WorkerOutcome & { queueMs: number }) => void
	timer: NodeJS.Timeout
}

type Worker = {
	id: number
	child: ChildProcess
	ready: Promise<void>
	isReady: boolean
	runs: number
	busy: boolean
	memory: number
	startMemory: number
	current: { id: number; job: Job; watchdog: NodeJS.Timeout; started: boolean; resolve: (outcome: WorkerOutcome | 'not-sent') => void } | null
}

function workerEntry() {
	// Inside the production build this module lives in build/server/, so walk up to the project.
	let dir = path.dirname(fileURLToPath(import.meta.url))
	for (let i = 0; i < 6; i++) {
		const candidate = path.join(dir, 'app/runner/worker/worker.ts')
		if (existsSync(candidate)) return candidate
		const local = path.join(dir, 'worker/worker.ts')
		if (existsSync(local)) return local
		dir = path.dirname(dir)
	}
	throw new Error('The sandbox worker (app/runner/worker/worker.ts) was not found.')
}

/**
 * A pool of child processes that run sandboxed code. Owners take turns in the queue, a
 * watchdog kills a worker whose run outlives its wall-clock limit, and a worker that dies
 * (crash, memory) or has served enough runs is replaced. run() never rejects.
 */
export class RunnerPool {
	readonly size: number
	private readonly maxQueue: number
	private readonly queueTimeoutMs: number
	private readonly recycleAfterRuns: number
	private readonly workerHeapMb: number
	private readonly entry: string
	private workers: Worker[] = []
	private queues = new Map<string, Job[]>()
	private owners: string[] = []
	private queued = 0
	private nextWorkerId = 1
	private nextRunId = 1
	private closed = false
	/** Workers in a row that died before their ready handshake; resets on the first success. */
	private startFailures = 0
	private lastStartError = ''
	private lastStartFailureAt = 0
	private static readonly READY_TIMEOUT_MS = 30_000
	private static readonly MAX_START_FAILURES = 3
	/** Counts for monitoring and tests. */
	readonly stats = { started: 0, recycled: 0, crashed: 0, killed: 0, runs: 0 }
	/** Why the last malformed worker message was refused, for diagnostics. */
	lastMalformed = ''

	constructor(options: PoolOptions = {}) {
		this.size = Math.max(1, options.size ?? availableParallelism())
		this.maxQueue = options.maxQueue ?? 200
		this.queueTimeoutMs = options.queueTimeoutMs ?? 15_000
		this.recycleAfterRuns = options.recycleAfterRuns ?? 500
		this.workerHeapMb = options.workerHeapMb ?? 512
		this.entry = options.entry ?? workerEntry()
		for (let i = 0; i < this.size; i++) this.workers.push(this.spawn())
	}

	/** Resolves once every worker has answered its ready handshake. */
	async ready() {
		await Promise.all(this.workers.map((w) => w.ready))
	}

	workerPids() {
		return this.workers.filter((w) => w.isReady).map((w) => w.child.pid!)
	}

	/** Runs waiting for a worker and workers running one, for metrics. */
	load() {
		return { queueDepth: this.queued, busyWorkers: this.workers.filter((w) => w.busy).length }
	}

	workerMemory() {
		return this.workers.map((w) => ({ id: w.id, rss: w.memory, startRss: w.startMemory, runs: w.runs }))
	}

	run(request: Job['request']): Promise<WorkerOutcome & { queueMs: number }> {
		return new Promise((resolve) => {
			this.retryStartIfDue()
			if (this.unavailable()) {
				resolve({ kind: 'unavailable', reason: this.lastStartError, queueMs: 0 })
				return
			}
			if (this.closed || this.queued >= this.maxQueue) {
				resolve({ kind: 'rejected', limit: 'queue', queueMs: 0 })
				return
			}
			const owner = request.owner ?? 'anonymous'
			const job: Job = {
				request,
				owner,
				enqueuedAt: performance.now(),
				resolve,
				timer: setTimeout(() => {
					const queue = this.queues.get(owner)
					const index = queue?.indexOf(job) ?? -1
					if (queue && index >= 0) {
						queue.splice(index, 1)
						this.queued--
						resolve({ kind: 'rejected', limit: 'queue', queueMs: performance.now() - job.enqueuedAt })
					}
				}, this.queueTimeoutMs),
			}
			if (!this.queues.has(owner)) {
				this.queues.set(owner, [])
				this.owners.push(owner)
			}
			this.queues.get(owner)!.push(job)
			this.queued++
			this.dispatch()
		})
	}

	async close() {
		this.closed = true
		for (const queue of this.queues.values()) {
			for (const job of queue) {
				clearTimeout(job.timer)
				job.resolve({ kind: 'rejected', limit: 'queue', queueMs: performance.now() - job.enqueuedAt })
			}
		}
		this.queues.clear()
		await Promise.all(this.workers.map((w) => this.stop(w)))
		this.workers = []
	}

	// Round-robin over owners: the next job comes from the owner after the last one served.
	private takeJob(): Job | undefined {
		for (let i = 0; i < this.owners.length; i++) {
			const owner = this.owners.shift()!
			const queue = this.queues.get(owner)!
			const job = queue.shift()
			if (queue.length === 0) this.queues.delete(owner)
			else this.owners.push(owner)
			if (job) {
				this.queued--
				clearTimeout(job.timer)
				return job
			}
		}
		return undefined
	}

	private unavailable() {
		return this.startFailures >= RunnerPool.MAX_START_FAILURES
	}

	// After the workers kept failing to start, try once more when asked, at most every 30 s
	// (the cause may have been fixed, e.g. a missing build step run by hand).
	private retryStartIfDue() {
		if (!this.unavailable() || this.closed || performance.now() - this.lastStartFailureAt < 30_000) return
		this.startFailures = RunnerPool.MAX_START_FAILURES - 1
		while (this.workers.length < this.size) this.workers.push(this.spawn())
	}

	private dispatch() {
		for (const worker of this.workers) {
			if (!worker.isReady || worker.busy || this.queued === 0) continue
			const job = this.takeJob()
			if (!job) return
			void this.execute(worker, job)
		}
	}

	private async execute(worker: Worker, job: Job) {
		worker.busy = true
		const queueMs = performance.now() - job.enqueuedAt
		const outcome = await new Promise<WorkerOutcome | 'not-sent'>((resolve) => {
			const id = this.nextRunId++
			// The worker enforces CPU time itself; this catches what it cannot (a hung
			// process, native work that ignores the isolate's timeout).
			const watchdog = setTimeout(() => {
				this.stats.killed++
				resolve({ kind: 'killed', limit: 'time', reason: 'wall-clock limit' })
				worker.current = null
				this.replace(worker)
			}, job.request.limits.wallMs + 250)
			worker.current = { id, job, watchdog, started: false, resolve }
			// A worker can die between runs; then the run was never sent and goes back in line.
			const message: HostToWorker = { type: 'run', id, request: job.request }
			worker.child.send(message, (error) => {
				if (!error || worker.current?.id !== id) return
				clearTimeout(watchdog)
				worker.current = null
				resolve('not-sent')
			})
		})
		if (outcome === 'not-sent') {
			this.requeue(job)
			this.replace(worker)
			return
		}
		this.stats.runs++
		job.resolve({ ...outcome, queueMs })
		if (this.workers.includes(worker)) {
			worker.busy = false
			worker.runs++
			if (worker.runs >= this.recycleAfterRuns) this.replace(worker, true)
		}
		this.dispatch()
	}

	private requeue(job: Job) {
		if (!this.queues.has(job.owner)) {
			this.queues.set(job.owner, [])
			this.owners.unshift(job.owner)
		}
		this.queues.get(job.owner)!.unshift(job)
		this.queued++
		this.dispatch()
	}

	/** Answers every waiting run when workers keep failing to start. */
	private failQueued() {
		for (const queue of this.queues.values()) {
			for (const job of queue) {
				clearTimeout(job.timer)
				job.resolve({ kind: 'unavailable', reason: this.lastStartError, queueMs: performance.now() - job.enqueuedAt })
			}
		}
		this.queues.clear()
		this.owners = []
		this.queued = 0
	}

	private spawn(): Worker {
		const child = fork(this.entry, [], {
			execArgv: ['--no-node-snapshot', `--max-old-space-size=${this.workerHeapMb}`],
			serialization: 'advanced',
			stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
			// Fewer malloc arenas: isolates allocate and free native memory on many threads,
			// and the default arena count lets RSS creep up run after run.
			// TZ is fixed so dates in the sandbox never depend on the server's time zone.
			env: { NODE_ENV: process.env.NODE_ENV ?? 'production', PATH: process.env.PATH ?? '', MALLOC_ARENA_MAX: '2', TZ: 'UTC' },
		})
		this.stats.started++
		let markReady: () => void = () => {}
		let failReady: (error: Error) => void = () => {}
		const worker: Worker = {
			id: this.nextWorkerId++,
			child,
			ready: new Promise<void>((resolve, reject) => {
				markReady = resolve
				failReady = reject
			}),
			isReady: false,
			runs: 0,
			busy: false,
			memory: 0,
			startMemory: 0,
			current: null,
		}
		worker.ready.catch(() => {})
		// Without a listener, a failed send or spawn would be an unhandled 'error' event and
		// take the whole server down; the exit handler does the clean-up.
		child.on('error', () => {})
		const readyTimer = setTimeout(() => {
			if (!worker.isReady) child.kill('SIGKILL')
		}, RunnerPool.READY_TIMEOUT_MS)
		let stderr = ''
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr = (stderr + chunk.toString()).slice(-4000)
		})
		child.on('message', (raw: unknown) => {
			const parsed = WorkerMessageSchema.safeParse(raw)
			if (!parsed.success) {
				// The worker ran learner code; an answer that is not the protocol ends it, and the run with it.
				this.lastMalformed = parsed.error.issues
					.slice(0, 3)
					.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
					.join('; ')
				if (worker.current) {
					const { watchdog, resolve } = worker.current
					clearTimeout(watchdog)
					worker.current = null
					this.stats.crashed++
					resolve({
						kind: 'error',
						message: 'The sandbox answered with something that is not a run result, so nothing was recorded as passing. Run again.',
						tests: [],
						compileMs: 0,
					})
				}
				this.replace(worker)
				return
			}
			const message = parsed.data
			if (message.type !== 'started') worker.memory = message.memory
			if (message.type === 'ready') {
				clearTimeout(readyTimer)
				worker.startMemory = message.memory
				worker.isReady = true
				this.startFailures = 0
				markReady()
				this.dispatch()
			} else if (message.type === 'started' && worker.current && message.id === worker.current.id) {
				worker.current.started = true
			} else if (message.type === 'result' && worker.current && message.id === worker.current.id) {
				const { watchdog, resolve } = worker.current
				clearTimeout(watchdog)
				worker.current = null
				resolve(message.result)
			}
		})
		child.on('exit', (code, signal) => {
			clearTimeout(readyTimer)
			failReady(new Error(`sandbox worker exited before it was ready (${signal ?? code}): ${stderr.trim().slice(-500)}`))
			if (!this.workers.includes(worker)) return
			if (!worker.isReady) {
				this.startFailures++
				this.lastStartFailureAt = performance.now()
				this.lastStartError = stderr.trim().split('\n').filter(Boolean).slice(-3).join(' ').slice(-400) || `the worker exited (${signal ?? code})`
				if (this.unavailable()) this.failQueued()
			}
			// A worker that dies mid-run was almost always killed by its memory use. One that
			// died before it started the run (between runs) says nothing about it: retry it.
			if (worker.current) {
				const { watchdog, resolve, started } = worker.current
				clearTimeout(watchdog)
				worker.current = null
				this.stats.crashed++
				resolve(started ? { kind: 'killed', limit: 'memory', reason: `worker exited (${signal ?? code})` } : 'not-sent')
			}
			this.replace(worker)
		})
		return worker
	}

	private replace(worker: Worker, graceful = false) {
		const index = this.workers.indexOf(worker)
		if (index === -1) return
		if (graceful) this.stats.recycled++
		worker.isReady = false
		this.workers.splice(index, 1)
		void this.stop(worker)
		if (this.closed || this.unavailable()) return
		// Back off while workers keep dying before they are ready, so a broken install does not spin.
		const delay = this.startFailures === 0 ? 0 : Math.min(10_000, 250 * 2 ** this.startFailures)
		setTimeout(() => {
			if (!this.closed && !this.unavailable() && this.workers.length < this.size) this.workers.push(this.spawn())
		}, delay)
	}

	private stop(worker: Worker) {
		return new Promise<void>((resolve) => {
			if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve()
			worker.child.once('exit', () => resolve())
			worker.child.kill('SIGKILL')
		})
	}
}
