import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunLimits, RunRequest } from './protocol.ts'

/** What a worker answers for one run, before it is turned into a RunResult. */
export type WorkerOutcome =
	| {
			kind: 'finished'
			tests: unknown[]
			console: string
			outputTruncated?: boolean
			compileMs: number
			runMs: number
			fileProblem?: { message: string } | null
			status?: 'error'
			message?: string
			location?: { file: string; line: number; column: number }
			stopped?: string
	  }
	| { kind: 'killed'; limit: 'time' | 'memory'; reason: string }
	| { kind: 'rejected'; limit: 'queue'; queueMs: number }

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
}

type Job = {
	request: Required<Pick<RunRequest, 'files'>> & Omit<RunRequest, 'limits'> & { limits: RunLimits }
	owner: string
	enqueuedAt: number
	resolve: (outcome: WorkerOutcome & { queueMs: number }) => void
	timer: NodeJS.Timeout
}

type Worker = {
	id: number
	child: ChildProcess
	ready: Promise<void>
	runs: number
	busy: boolean
	memory: number
	startMemory: number
	current: { id: number; job: Job; watchdog: NodeJS.Timeout; resolve: (outcome: WorkerOutcome) => void } | null
}

function workerEntry() {
	// Inside the production build this module lives in build/server/, so walk up to the project.
	let dir = path.dirname(fileURLToPath(import.meta.url))
	for (let i = 0; i < 6; i++) {
		const candidate = path.join(dir, 'app/runner/worker/worker.mjs')
		if (existsSync(candidate)) return candidate
		const local = path.join(dir, 'worker/worker.mjs')
		if (existsSync(local)) return local
		dir = path.dirname(dir)
	}
	throw new Error('The sandbox worker (app/runner/worker/worker.mjs) was not found.')
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
	private readonly entry = workerEntry()
	private workers: Worker[] = []
	private queues = new Map<string, Job[]>()
	private owners: string[] = []
	private queued = 0
	private nextWorkerId = 1
	private nextRunId = 1
	private closed = false
	/** Counts for monitoring and tests. */
	readonly stats = { started: 0, recycled: 0, crashed: 0, killed: 0, runs: 0 }

	constructor(options: PoolOptions = {}) {
		this.size = Math.max(1, options.size ?? availableParallelism())
		this.maxQueue = options.maxQueue ?? 200
		this.queueTimeoutMs = options.queueTimeoutMs ?? 15_000
		this.recycleAfterRuns = options.recycleAfterRuns ?? 500
		this.workerHeapMb = options.workerHeapMb ?? 512
		for (let i = 0; i < this.size; i++) this.workers.push(this.spawn())
	}

	/** Resolves once every worker has answered its ready handshake. */
	async ready() {
		await Promise.all(this.workers.map((w) => w.ready))
	}

	workerMemory() {
		return this.workers.map((w) => ({ id: w.id, rss: w.memory, startRss: w.startMemory, runs: w.runs }))
	}

	run(request: Job['request']): Promise<WorkerOutcome & { queueMs: number }> {
		return new Promise((resolve) => {
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

	private dispatch() {
		for (const worker of this.workers) {
			if (worker.busy || this.queued === 0) continue
			const job = this.takeJob()
			if (!job) return
			void this.execute(worker, job)
		}
	}

	private async execute(worker: Worker, job: Job) {
		worker.busy = true
		const queueMs = performance.now() - job.enqueuedAt
		await worker.ready.catch(() => {})
		const outcome = await new Promise<WorkerOutcome>((resolve) => {
			const id = this.nextRunId++
			// The worker enforces CPU time itself; this catches what it cannot (a hung
			// process, native work that ignores the isolate's timeout).
			const watchdog = setTimeout(() => {
				this.stats.killed++
				resolve({ kind: 'killed', limit: 'time', reason: 'wall-clock limit' })
				worker.current = null
				this.replace(worker)
			}, job.request.limits.wallMs + 250)
			worker.current = { id, job, watchdog, resolve }
			worker.child.send({ type: 'run', id, request: job.request })
		})
		this.stats.runs++
		job.resolve({ ...outcome, queueMs })
		if (this.workers.includes(worker)) {
			worker.busy = false
			worker.runs++
			if (worker.runs >= this.recycleAfterRuns) this.replace(worker, true)
		}
		this.dispatch()
	}

	private spawn(): Worker {
		const child = fork(this.entry, [], {
			execArgv: ['--no-node-snapshot', `--max-old-space-size=${this.workerHeapMb}`],
			serialization: 'advanced',
			stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
			// Fewer malloc arenas: isolates allocate and free native memory on many threads,
			// and the default arena count lets RSS creep up run after run.
			env: { NODE_ENV: process.env.NODE_ENV ?? 'production', PATH: process.env.PATH ?? '', MALLOC_ARENA_MAX: '2' },
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
			runs: 0,
			busy: false,
			memory: 0,
			startMemory: 0,
			current: null,
		}
		worker.ready.catch(() => {})
		let stderr = ''
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr = (stderr + chunk.toString()).slice(-4000)
		})
		child.on('message', (message: { type: string; id?: number; result?: any; memory?: number }) => {
			if (message.memory) worker.memory = message.memory
			if (message.type === 'ready') {
				worker.startMemory = message.memory ?? 0
				markReady()
			} else if (message.type === 'result' && worker.current && message.id === worker.current.id) {
				const { watchdog, resolve } = worker.current
				clearTimeout(watchdog)
				worker.current = null
				resolve({ kind: 'finished', ...message.result })
			}
		})
		child.on('exit', (code, signal) => {
			failReady(new Error(`sandbox worker exited before it was ready (${signal ?? code}): ${stderr.trim().slice(-500)}`))
			if (!this.workers.includes(worker)) return
			// A worker that dies mid-run was almost always killed by its memory use.
			if (worker.current) {
				const { watchdog, resolve } = worker.current
				clearTimeout(watchdog)
				worker.current = null
				this.stats.crashed++
				resolve({ kind: 'killed', limit: 'memory', reason: `worker exited (${signal ?? code})` })
			}
			this.replace(worker)
		})
		return worker
	}

	private replace(worker: Worker, graceful = false) {
		const index = this.workers.indexOf(worker)
		if (index === -1) return
		if (graceful) this.stats.recycled++
		void this.stop(worker)
		if (this.closed) {
			this.workers.splice(index, 1)
			return
		}
		const fresh = this.spawn()
		this.workers[index] = fresh
		fresh.ready.then(
			() => this.dispatch(),
			() => {},
		)
	}

	private stop(worker: Worker) {
		return new Promise<void>((resolve) => {
			if (worker.child.exitCode !== null || worker.child.signalCode !== null) return resolve()
			worker.child.once('exit', () => resolve())
			worker.child.kill('SIGKILL')
		})
	}
}
