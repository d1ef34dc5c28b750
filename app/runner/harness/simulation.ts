// The simulation kit of architecture exercises, imported by their tests as 'hardmode:sim'.
// Runs INSIDE the isolate, on the harness's virtual clock: every wait of the simulated world
// (a dependency's latency, a retry's backoff, the design's own setTimeout) is a harness timer,
// and the host fires one timer per turn, so promise callbacks run in between as they would in
// production. A scenario is a test that plays traffic against a design, measures outcomes and
// compares them with thresholds; its report rides on the test's result (`scenario`).

type Awaitable<T> = T | Promise<T>

/** What the harness lends the kit. Nothing here is reachable from learner code. */
export type SimulationHost = {
	/** Absolute virtual time, ms since the epoch. */
	now(): number
	setTimer(fn: () => void, ms: number): number
	clearTimer(id: number): void
	/** The id the next timer will get: timers from it on belong to the simulation started now. */
	nextTimerId(): number
	clearTimersFrom(firstId: number): void
	pendingTimersFrom(firstId: number, except: ReadonlySet<number>): number
	/** A gate is set while a world plays: it may veto timers, and the test's timeout waits meanwhile. */
	setGate(gate: ((id: number) => boolean) | null): void
	/** Registers a test; its timeout does not run while a simulated world is playing. */
	defineTest(name: string, body: () => Promise<void>, mode: 'run' | 'skip' | 'only'): void
	attachScenario(report: ScenarioReport): void
	runSeed(): number
}

export type Comparator = '>=' | '<='
export type ScenarioMetric = {
	/** Stable id: a standard metric (STANDARD_METRICS) or one the scenario added with sim.metric(). */
	name: string
	label: string
	/** null when nothing was measured (no request finished, say). */
	value: number | null
	unit: string
	threshold: number | null
	comparator: Comparator | null
	/** null when the metric has no threshold in this scenario. */
	passed: boolean | null
}
export type ScenarioStop = 'event-limit' | 'unfinished-calls'
export type ScenarioReport = {
	stage: number
	seed: number
	/** True iff every threshold passed and the simulation ran to its end. */
	passed: boolean
	/** Why the simulation was cut short, when it was (the test's message says it in words). */
	stoppedBy?: ScenarioStop
	/** Virtual time the simulation covered. */
	virtualMs: number
	/** Timers fired inside the simulation, the kit's own and the design's. */
	events: number
	/** Calls measured with sim.request() (every delivery attempt is one). */
	requests: number
	/** Empty when the scenario's own code threw before the simulation could be measured. */
	metrics: ScenarioMetric[]
}

export type LatencyProfile = number | { p50: number; p99: number }
export type Threshold = { atLeast: number; atMost?: undefined } | { atMost: number; atLeast?: undefined }
export type SimulationOptions = {
	/** Seed of the simulation's randomness; defaults to the run's seed. */
	seed?: number
	/** How long in-flight work may go on after the traffic has ended. Default 60 s. */
	settleMs?: number
	/** Timers the simulation may fire before it is stopped. Default 100,000. */
	maxEvents?: number
}
export type ScenarioOptions = SimulationOptions & {
	/** Which stage of the exercise this scenario belongs to (1 = launch, 2 = six months later). Default 1. */
	stage?: number
	/** Metric name → { atLeast } or { atMost }. A scenario passes iff every threshold does. */
	thresholds: Record<string, Threshold>
}
export type RequestOptions<T> = {
	/** The caller stops waiting after this long; the request then counts as failed. */
	timeoutMs?: number
	/** Whether an answer counts as a success. Default: any answer that is not an error. */
	ok?: (answer: T) => boolean
}
export type RequestOutcome<T> = { ok: boolean; timedOut: boolean; latencyMs: number; answer?: T; error?: unknown }
export type DeliveryAttempt = { deliveryId: string; attempt: number; duplicate: boolean }
export type DeliveryOptions<T> = RequestOptions<T> & {
	/** Waits before each retry; a delivery makes at most 1 + retryAfterMs.length attempts. */
	retryAfterMs?: number[]
	/** Network delay before each attempt reaches the design; random delays reorder messages. */
	delay?: LatencyProfile
	/** Chance that an attempt is also delivered a second time, up to withinMs later. */
	duplicates?: { rate: number; withinMs: number }
	/** Prefix of the delivery ids. */
	label?: string
}
export type DeliveryOutcome = { acknowledged: boolean; attempts: number }
export type DependencyProfile = {
	latency: LatencyProfile
	/** Cost units per call (default 1). */
	costPerCall?: number
	/** Windows (ms since the start) in which the dependency answers more slowly. */
	slowdowns?: Array<{ from: number; to: number; latency: LatencyProfile }>
	/** Windows in which a share of calls fail; lostReply is the share of those failures that took effect anyway. */
	failures?: Array<{ from: number; to: number; rate: number; lostReply?: number }>
}
export type Arrival = { index: number; at: number; tenant?: string }
export type TrafficOptions = {
	perSecond: number
	forMs: number
	/** ms since the start of the simulation. Default 0. */
	startAt?: number
	/** 'poisson' (random gaps, the default) or 'steady' (even gaps). */
	pattern?: 'poisson' | 'steady'
	/** Tenant name → weight; each arrival picks one. */
	tenants?: Record<string, number>
}
export type BurstOptions = { count: number; at: number; withinMs: number; tenants?: Record<string, number> }
export type NodeClock = { now(): number; skewMs: number }
export type CustomMetric = { label: string; unit: string; value: number | null | (() => number | null) }

export type SimulationOutcome = {
	seed: number
	virtualMs: number
	events: number
	designEvents: number
	requests: number
	stoppedBy?: ScenarioStop
	/** Why it stopped, in words, when it did. */
	message?: string
	metrics: Array<Pick<ScenarioMetric, 'name' | 'label' | 'unit' | 'value'>>
}

export const STANDARD_METRICS = [
	{ name: 'successRate', label: 'Success rate', unit: '%' },
	{ name: 'p50LatencyMs', label: 'Latency p50', unit: 'ms' },
	{ name: 'p99LatencyMs', label: 'Latency p99', unit: 'ms' },
	{ name: 'duplicateSideEffects', label: 'Duplicate side effects', unit: 'effects' },
	{ name: 'missingSideEffects', label: 'Missing side effects', unit: 'effects' },
	{ name: 'dependencyCalls', label: 'Dependency calls', unit: 'calls' },
	{ name: 'costUnits', label: 'Cost', unit: 'units' },
] as const

const DEFAULT_SETTLE_MS = 60_000
const DEFAULT_MAX_EVENTS = 100_000
const METRIC_NAME = /^[a-z][A-Za-z0-9]*$/
// A normal variate of 2.326 standard deviations is the 99th percentile.
const Z99 = 2.3263478740408408

/** A dependency call that failed in the simulation. lostReply: the call took effect, but its answer never came back. */
export class SimulatedFailure extends Error {
	override name = 'SimulatedFailure'
	constructor(
		readonly dependency: string,
		readonly lostReply: boolean,
	) {
		super(lostReply ? `${dependency}: the call took effect but its reply was lost` : `${dependency}: the call failed`)
	}
}

/** An author's mistake in a scenario (a bad option): reported as the test's failure. */
class ScenarioDefinitionError extends Error {}

export function createSimulationKit(host: SimulationHost) {
	let activeWorld: { end(): void } | null = null

	async function simulate(options: SimulationOptions, body: (sim: Simulation) => Awaitable<void>): Promise<SimulationOutcome> {
		checkSimulationOptions(options)
		const world = createWorld(host, options)
		activeWorld = world
		await world.play(body)
		return world.outcome()
	}

	function defineScenario(mode: 'run' | 'skip' | 'only') {
		return (name: string, options: ScenarioOptions, body: (sim: Simulation) => Awaitable<void>) => {
			if (typeof name !== 'string' || name.trim() === '') throw new ScenarioDefinitionError('scenario() needs a name, e.g. scenario(\'a burst of duplicate deliveries\', { thresholds: { … } }, (sim) => { … }).')
			if (!options || typeof options !== 'object') throw new ScenarioDefinitionError(`scenario "${name}": the second argument must be the options, with thresholds.`)
			if (typeof body !== 'function') throw new ScenarioDefinitionError(`scenario "${name}": the third argument must be a function that sets up the simulation.`)
			checkSimulationOptions(options, name)
			const stage = options.stage ?? 1
			if (!Number.isInteger(stage) || stage < 1) throw new ScenarioDefinitionError(`scenario "${name}": stage must be a whole number from 1, not ${String(options.stage)}.`)
			const thresholds = checkThresholds(options.thresholds, name)
			host.defineTest(name, () => runScenario(stage, thresholds, options, body), mode)
		}
	}

	async function runScenario(stage: number, thresholds: Record<string, Threshold>, options: ScenarioOptions, body: (sim: Simulation) => Awaitable<void>) {
		const world = createWorld(host, options)
		activeWorld = world
		const report: ScenarioReport = { stage, seed: world.seed, passed: false, virtualMs: 0, events: 0, requests: 0, metrics: [] }
		try {
			await world.play(body)
		} catch (error) {
			const outcome = world.outcome()
			host.attachScenario({ ...report, virtualMs: outcome.virtualMs, events: outcome.events, requests: outcome.requests })
			throw error
		}
		const outcome = world.outcome()
		const known = new Set(outcome.metrics.map((metric) => metric.name))
		const unknown = Object.keys(thresholds).filter((name) => !known.has(name))
		const metrics = outcome.metrics.map((metric) => judge(metric, thresholds[metric.name]))
		const passed = outcome.stoppedBy === undefined && unknown.length === 0 && metrics.every((metric) => metric.passed !== false)
		host.attachScenario({
			...report,
			passed,
			...(outcome.stoppedBy ? { stoppedBy: outcome.stoppedBy } : {}),
			virtualMs: outcome.virtualMs,
			events: outcome.events,
			requests: outcome.requests,
			metrics,
		})
		if (outcome.message) throw new Error(outcome.message)
		const failure = world.failure()
		if (failure !== null) throw failure
		if (unknown.length > 0) {
			throw new Error(`This scenario has a threshold for ${unknown.map((name) => `"${name}"`).join(', ')}, which it never measured. Standard metrics: ${STANDARD_METRICS.map((metric) => metric.name).join(', ')}; add others with sim.metric().`)
		}
		if (!passed) throw new Error(describeMisses(metrics))
	}

	const scenario = Object.assign(defineScenario('run'), { skip: defineScenario('skip'), only: defineScenario('only') })
	return {
		/** What `import … from 'hardmode:sim'` gives a test file. */
		exports: { scenario, simulate, SimulatedFailure, STANDARD_METRICS },
		/** Called by the harness when a test ends: whatever the simulation left scheduled must not run on. */
		testEnded() {
			activeWorld?.end()
			activeWorld = null
		},
	}
}

export type Simulation = ReturnType<typeof createWorld>['sim']

function createWorld(host: SimulationHost, options: SimulationOptions) {
	const seed = options.seed ?? host.runSeed()
	const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS
	const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS
	const startedAt = host.now()
	const firstTimerId = host.nextTimerId()
	const random = seededRandom(seed)

	type RequestRecord = { startedAt: number; endedAt: number | null; ok: boolean; settled: boolean }
	const requests: RequestRecord[] = []
	const effects = new Map<string, number>()
	const expectations = new Map<string, number>()
	const dependencies: Array<{ name: string; calls: number; cost: number }> = []
	const customMetrics = new Map<string, CustomMetric>()
	/** Timers the kit set: the world's latencies, arrivals and backoffs, as opposed to the design's own. */
	const ownTimers = new Set<number>()
	/** The kit's bookkeeping (the idle probe, the deadline): the only timers that do not keep the world busy. */
	const bookkeeping = new Set<number>()
	let extraCost = 0
	let events = 0
	let designEvents = 0
	/** Traffic sources, deliveries, scheduled actions and design calls not yet settled. */
	let pendingWork = 0
	let unsettledCalls = 0
	let activeSources = 0
	let playing = false
	let deadlineArmed = false
	let probeArmed = false
	let stoppedBy: ScenarioStop | 'settled' | 'deadline' | null = null
	let endedAt: number | null = null
	let firstError: unknown = null
	let deliveries = 0
	let finish: () => void = () => {}
	const finished = new Promise<void>((resolve) => {
		finish = resolve
	})

	const elapsed = () => host.now() - startedAt
	function ownTimer(fn: () => void, ms: number) {
		const id = host.setTimer(() => {
			ownTimers.delete(id)
			fn()
		}, Math.max(0, ms))
		ownTimers.add(id)
		return id
	}
	function clearOwnTimer(id: number) {
		ownTimers.delete(id)
		host.clearTimer(id)
	}
	const pause = (ms: number) => new Promise<void>((resolve) => ownTimer(resolve, ms))

	// Everything the world scheduled goes with it; what the test does afterwards runs on the
	// ordinary clock again.
	function stop(reason: NonNullable<typeof stoppedBy>) {
		if (stoppedBy) return
		stoppedBy = reason
		endedAt = host.now()
		host.clearTimersFrom(firstTimerId)
		ownTimers.clear()
		bookkeeping.clear()
		host.setGate(null)
		finish()
	}

	host.setGate((id) => {
		if (id < firstTimerId) return true
		events++
		const own = ownTimers.has(id)
		if (!own) designEvents++
		if (events > maxEvents) {
			stop('event-limit')
			return false
		}
		if (!bookkeeping.has(id)) workChanged()
		return true
	})

	// The world is done when nothing is pending and no timer is left but the kit's bookkeeping
	// (work the design does in the background still waits on timers); checked from a timer,
	// so the promise callbacks of the last step have run first.
	const idle = () => pendingWork === 0 && activeSources === 0
	function workChanged() {
		if (!playing || !idle() || probeArmed || stoppedBy) return
		probeArmed = true
		const probe = ownTimer(() => {
			bookkeeping.delete(probe)
			probeArmed = false
			if (idle() && host.pendingTimersFrom(firstTimerId, bookkeeping) === 0) stop('settled')
		}, 0)
		bookkeeping.add(probe)
	}
	function armDeadline() {
		if (deadlineArmed || !playing || activeSources > 0) return
		deadlineArmed = true
		bookkeeping.add(ownTimer(() => stop(unsettledCalls > 0 ? 'unfinished-calls' : 'deadline'), settleMs))
	}
	function track(work: unknown) {
		if (!isThenable(work)) return
		pendingWork++
		work.then(
			() => settle(),
			(error: unknown) => {
				firstError ??= error
				settle()
			},
		)
		function settle() {
			pendingWork--
			workChanged()
		}
	}
	function runAction(action: () => unknown) {
		try {
			track(action())
		} catch (error) {
			firstError ??= error
		}
	}

	function request<T>(call: () => Awaitable<T>, requestOptions: RequestOptions<T> = {}): Promise<RequestOutcome<T>> {
		const record: RequestRecord = { startedAt: host.now(), endedAt: null, ok: false, settled: false }
		requests.push(record)
		pendingWork++
		unsettledCalls++
		return new Promise((resolve) => {
			let answered = false
			let timeout: number | null = null
			const answer = (outcome: Omit<RequestOutcome<T>, 'latencyMs'>) => {
				if (answered) return
				answered = true
				record.endedAt = host.now()
				record.ok = outcome.ok
				if (timeout !== null) clearOwnTimer(timeout)
				resolve({ ...outcome, latencyMs: record.endedAt - record.startedAt })
			}
			const settled = () => {
				record.settled = true
				unsettledCalls--
				pendingWork--
				workChanged()
			}
			if (requestOptions.timeoutMs !== undefined) {
				timeout = ownTimer(() => answer({ ok: false, timedOut: true }), requestOptions.timeoutMs)
			}
			let pending: Promise<T>
			try {
				pending = Promise.resolve(call())
			} catch (error) {
				pending = Promise.reject(error)
			}
			pending.then(
				(value) => {
					let ok = true
					try {
						ok = requestOptions.ok ? Boolean(requestOptions.ok(value)) : true
					} catch {
						ok = false
					}
					answer({ ok, timedOut: false, answer: value })
					settled()
				},
				(error: unknown) => {
					answer({ ok: false, timedOut: false, error })
					settled()
				},
			)
		})
	}

	async function deliver<T>(send: (attempt: DeliveryAttempt) => Awaitable<T>, deliveryOptions: DeliveryOptions<T> = {}): Promise<DeliveryOutcome> {
		const retries = deliveryOptions.retryAfterMs ?? []
		const label = deliveryOptions.label ?? 'dlv'
		const nextId = () => `${label}_${++deliveries}`
		pendingWork++
		try {
			for (let attempt = 1; ; attempt++) {
				if (deliveryOptions.delay !== undefined) await pause(sampleLatency(deliveryOptions.delay))
				const duplicates = deliveryOptions.duplicates
				if (duplicates && random() < duplicates.rate) {
					const copy = { deliveryId: nextId(), attempt, duplicate: true }
					track(pause(Math.floor(random() * (duplicates.withinMs + 1))).then(() => request(() => send(copy), deliveryOptions)))
				}
				const outcome = await request(() => send({ deliveryId: nextId(), attempt, duplicate: false }), deliveryOptions)
				if (outcome.ok) return { acknowledged: true, attempts: attempt }
				const wait = retries[attempt - 1]
				if (wait === undefined) return { acknowledged: false, attempts: attempt }
				await pause(wait)
			}
		} finally {
			pendingWork--
			workChanged()
		}
	}

	function dependency(name: string, profile: DependencyProfile) {
		checkLatency(profile?.latency, `dependency "${name}": latency`)
		for (const window of profile.slowdowns ?? []) checkLatency(window.latency, `dependency "${name}": a slowdown's latency`)
		for (const window of profile.failures ?? []) {
			if (!(window.rate >= 0 && window.rate <= 1)) throw new ScenarioDefinitionError(`dependency "${name}": a failure rate must be between 0 and 1, not ${String(window.rate)}.`)
		}
		const stats = { name, calls: 0, cost: 0 }
		dependencies.push(stats)
		const costPerCall = profile.costPerCall ?? 1
		return {
			name,
			get calls() {
				return stats.calls
			},
			/** Plays one call: waits the latency, maybe fails; `effect` runs half-way, when the call reaches the dependency. */
			async call<T>(effect?: () => Awaitable<T>): Promise<T> {
				stats.calls++
				stats.cost += costPerCall
				const at = elapsed()
				const slow = profile.slowdowns?.find((window) => at >= window.from && at < window.to)
				const latency = sampleLatency(slow ? slow.latency : profile.latency)
				const failing = profile.failures?.find((window) => at >= window.from && at < window.to)
				const fails = failing !== undefined && random() < failing.rate
				const lostReply = fails && random() < (failing?.lostReply ?? 0)
				const outbound = Math.floor(latency / 2)
				await pause(outbound)
				let result: T | undefined
				let effectError: unknown = null
				if (!fails || lostReply) {
					try {
						result = await effect?.()
					} catch (error) {
						effectError = error ?? new Error('the effect failed')
					}
				}
				await pause(latency - outbound)
				if (fails) throw new SimulatedFailure(name, lostReply)
				if (effectError !== null) throw effectError
				return result as T
			},
		}
	}

	function traffic(trafficOptions: TrafficOptions, onArrival: (arrival: Arrival) => unknown) {
		const { perSecond, forMs, startAt = 0, pattern = 'poisson' } = trafficOptions
		if (!(perSecond > 0) || !(forMs > 0)) throw new ScenarioDefinitionError(`traffic needs perSecond and forMs above 0 (got ${String(perSecond)} and ${String(forMs)}).`)
		const gap = 1000 / perSecond
		const endAt = startAt + forMs
		let at = startAt
		let index = 0
		const next = () => (pattern === 'steady' ? gap : -Math.log(1 - random()) * gap)
		const arrive = () => {
			runAction(() => onArrival(withTenant({ index: index++, at: Math.round(at) }, trafficOptions.tenants)))
			at += next()
			if (at < endAt) ownTimer(arrive, Math.round(at) - elapsed())
			else sourceEnded()
		}
		activeSources++
		if (pattern === 'poisson') at += next()
		if (at < endAt) ownTimer(arrive, Math.round(at) - elapsed())
		else sourceEnded()
	}

	function burst(burstOptions: BurstOptions, onArrival: (arrival: Arrival) => unknown) {
		const { count, at, withinMs } = burstOptions
		if (!Number.isInteger(count) || count < 1) throw new ScenarioDefinitionError(`a burst needs a whole count of at least 1 (got ${String(count)}).`)
		const times = Array.from({ length: count }, () => at + Math.floor(random() * (Math.max(0, withinMs) + 1))).sort((a, b) => a - b)
		let index = 0
		const arrive = () => {
			const time = times[index] as number
			runAction(() => onArrival(withTenant({ index: index++, at: time }, burstOptions.tenants)))
			if (index < times.length) ownTimer(arrive, (times[index] as number) - elapsed())
			else sourceEnded()
		}
		activeSources++
		ownTimer(arrive, (times[0] as number) - elapsed())
	}

	function sourceEnded() {
		activeSources--
		armDeadline()
		workChanged()
	}

	function withTenant(arrival: Arrival, tenants?: Record<string, number>): Arrival {
		if (!tenants) return arrival
		const entries = Object.entries(tenants)
		const total = entries.reduce((sum, [, weight]) => sum + Math.max(0, weight), 0)
		let pick = random() * total
		for (const [tenant, weight] of entries) {
			pick -= Math.max(0, weight)
			if (pick < 0) return { ...arrival, tenant }
		}
		return { ...arrival, tenant: entries.at(-1)?.[0] }
	}

	function sampleLatency(profile: LatencyProfile): number {
		if (typeof profile === 'number') return Math.max(0, Math.round(profile))
		if (profile.p99 <= profile.p50) return Math.max(0, Math.round(profile.p50))
		// Log-normal through the two percentiles: most calls near p50, a long tail to p99 and past it.
		const sigma = (Math.log(profile.p99) - Math.log(Math.max(profile.p50, 0.001))) / Z99
		const u = 1 - random()
		const v = random()
		const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
		return Math.max(0, Math.round(Math.min(Math.exp(Math.log(Math.max(profile.p50, 0.001)) + sigma * z), profile.p99 * 10)))
	}

	const effectKey = (kind: string, key: string) => `${kind}\u0000${key}`

	const sim = {
		/** Virtual ms since the simulation started. */
		now: () => elapsed(),
		sleep: (ms: number) => pause(ms),
		/** Runs `action` at `ms` since the start; the simulation waits for what it returns. */
		at(ms: number, action: () => unknown) {
			pendingWork++
			ownTimer(() => {
				pendingWork--
				runAction(action)
				workChanged()
			}, ms - elapsed())
		},
		random: () => random(),
		chance: (probability: number) => random() < probability,
		/** A whole number from min to max, both included. */
		between: (min: number, max: number) => min + Math.floor(random() * (max - min + 1)),
		pick<T>(items: readonly T[]): T {
			if (items.length === 0) throw new ScenarioDefinitionError('sim.pick() needs at least one item.')
			return items[Math.floor(random() * items.length)] as T
		},
		shuffle<T>(items: readonly T[]): T[] {
			const shuffled = [...items]
			for (let i = shuffled.length - 1; i > 0; i--) {
				const j = Math.floor(random() * (i + 1))
				const item = shuffled[i] as T
				shuffled[i] = shuffled[j] as T
				shuffled[j] = item
			}
			return shuffled
		},
		latency: (profile: LatencyProfile) => sampleLatency(profile),
		/** A node's clock: the virtual time plus its skew (and drift, in ms per hour). */
		clock({ skewMs = 0, driftMsPerHour = 0 }: { skewMs?: number; driftMsPerHour?: number } = {}): NodeClock {
			return { now: () => host.now() + skewMs + Math.round((elapsed() * driftMsPerHour) / 3_600_000), skewMs }
		},
		dependency,
		traffic,
		burst,
		request,
		deliver,
		/** Records a side effect (a charge, a shipment); each one past the expected count is a duplicate. */
		effect(kind: string, key: string) {
			const id = effectKey(kind, String(key))
			effects.set(id, (effects.get(id) ?? 0) + 1)
		},
		/** Declares that an effect must happen `times` times (default 1); fewer are missing, more are duplicates. */
		expectEffect(kind: string, key: string, times = 1) {
			expectations.set(effectKey(kind, String(key)), times)
		},
		effectCount: (kind: string, key: string) => effects.get(effectKey(kind, String(key))) ?? 0,
		cost(units: number) {
			extraCost += units
		},
		/** Adds a metric of the scenario's own; thresholds may name it. */
		metric(name: string, metric: CustomMetric) {
			if (!METRIC_NAME.test(name) || STANDARD_METRICS.some((standard) => standard.name === name)) {
				throw new ScenarioDefinitionError(`sim.metric("${name}"): a metric name is camelCase letters and digits and differs from the standard metrics.`)
			}
			customMetrics.set(name, metric)
		},
		/** Plays until the traffic has ended and every delivery, request and design timer has settled (or settleMs has passed). */
		run(): Promise<void> {
			if (!playing) {
				playing = true
				armDeadline()
				workChanged()
			}
			return finished
		},
	}

	async function play(body: (sim: Simulation) => Awaitable<void>) {
		try {
			// A world that stops (say, at the event limit) leaves the body's awaits hanging; move on.
			await Promise.race([Promise.resolve().then(() => body(sim)), finished])
			await sim.run()
		} catch (error) {
			stop('deadline')
			throw error
		}
		// A world stopped at a limit explains itself; errors after that are its echoes.
		if (firstError !== null && stoppedBy !== 'event-limit' && stoppedBy !== 'unfinished-calls') throw firstError
	}

	function metricsNow() {
		const finishedRequests = requests.filter((record) => record.endedAt !== null)
		const latencies = finishedRequests.map((record) => (record.endedAt as number) - record.startedAt).sort((a, b) => a - b)
		let duplicates = 0
		let missing = 0
		for (const [id, count] of effects) duplicates += Math.max(0, count - (expectations.get(id) ?? 1))
		for (const [id, times] of expectations) missing += Math.max(0, times - (effects.get(id) ?? 0))
		const values: Record<string, number | null> = {
			successRate: requests.length === 0 ? null : round((100 * requests.filter((record) => record.ok).length) / requests.length, 2),
			p50LatencyMs: percentile(latencies, 0.5),
			p99LatencyMs: percentile(latencies, 0.99),
			duplicateSideEffects: duplicates,
			missingSideEffects: missing,
			dependencyCalls: dependencies.reduce((sum, stats) => sum + stats.calls, 0),
			costUnits: round(dependencies.reduce((sum, stats) => sum + stats.cost, 0) + extraCost, 2),
		}
		const standard = STANDARD_METRICS.map(({ name, label, unit }) => ({ name, label, unit, value: values[name] ?? null }))
		const custom = [...customMetrics].map(([name, metric]) => {
			let value: number | null
			try {
				value = typeof metric.value === 'function' ? metric.value() : metric.value
			} catch (error) {
				firstError ??= error
				value = null
			}
			return { name, label: String(metric.label), unit: String(metric.unit), value: typeof value === 'number' && Number.isFinite(value) ? value : null }
		})
		return [...standard, ...custom]
	}

	return {
		seed,
		sim,
		play,
		/** The first error the scenario's own code threw (a traffic callback, a metric), if any. */
		failure: () => firstError,
		// The test is over: whatever the design's leftover promise callbacks scheduled after the world stopped goes too.
		end() {
			stop('deadline')
			host.clearTimersFrom(firstTimerId)
		},
		outcome(): SimulationOutcome {
			const virtualMs = (endedAt ?? host.now()) - startedAt
			const outcome: SimulationOutcome = { seed, virtualMs, events, designEvents, requests: requests.length, metrics: metricsNow() }
			if (stoppedBy === 'event-limit') {
				outcome.stoppedBy = stoppedBy
				outcome.message =
					`The simulation stopped after ${thousands(maxEvents)} events at ${formatClock(virtualMs)} of virtual time: the design scheduled work faster than virtual time advanced ` +
					`(${thousands(designEvents)} of those events were timers the design set). Look for a retry or polling loop without a delay or a bound, or timers that are never cleared.`
			} else if (stoppedBy === 'unfinished-calls') {
				outcome.stoppedBy = stoppedBy
				const stuck = requests.filter((record) => !record.settled).length
				outcome.message =
					`The simulation stopped at ${formatClock(virtualMs)} of virtual time: ${thousands(stuck)} of ${thousands(requests.length)} calls to the design never returned, ` +
					`${formatDuration(settleMs)} after the traffic ended. Look for a promise that never settles (an await on something nothing completes, a lock that is never released).`
			}
			return outcome
		},
	}
}

function judge(metric: Pick<ScenarioMetric, 'name' | 'label' | 'unit' | 'value'>, threshold: Threshold | undefined): ScenarioMetric {
	if (!threshold) return { ...metric, threshold: null, comparator: null, passed: null }
	const comparator: Comparator = threshold.atLeast !== undefined ? '>=' : '<='
	const limit = (threshold.atLeast ?? threshold.atMost) as number
	const passed = metric.value !== null && (comparator === '>=' ? metric.value >= limit : metric.value <= limit)
	return { ...metric, threshold: limit, comparator, passed }
}

function describeMisses(metrics: ScenarioMetric[]) {
	const missed = metrics.filter((metric) => metric.passed === false)
	const checked = metrics.filter((metric) => metric.passed !== null).length
	const lines = missed.map(
		(metric) =>
			`${metric.label}: ${metric.value === null ? 'not measured' : formatValue(metric.value, metric.unit)} (threshold ${metric.comparator === '>=' ? '≥' : '≤'} ${formatValue(metric.threshold as number, metric.unit)})`,
	)
	return `${missed.length} of ${checked} thresholds missed. ${lines.join('; ')}`
}

function checkSimulationOptions(options: SimulationOptions, scenarioName?: string) {
	const where = scenarioName ? `scenario "${scenarioName}": ` : 'simulate(): '
	if (options.seed !== undefined && !Number.isInteger(options.seed)) throw new ScenarioDefinitionError(`${where}seed must be a whole number.`)
	if (options.settleMs !== undefined && !(options.settleMs >= 0)) throw new ScenarioDefinitionError(`${where}settleMs must be 0 or more.`)
	if (options.maxEvents !== undefined && !(Number.isInteger(options.maxEvents) && options.maxEvents > 0)) throw new ScenarioDefinitionError(`${where}maxEvents must be a whole number above 0.`)
}

function checkThresholds(thresholds: unknown, scenarioName: string): Record<string, Threshold> {
	if (!thresholds || typeof thresholds !== 'object') throw new ScenarioDefinitionError(`scenario "${scenarioName}": thresholds are required, e.g. { duplicateSideEffects: { atMost: 0 } }.`)
	const checked: Record<string, Threshold> = {}
	for (const [name, threshold] of Object.entries(thresholds as Record<string, unknown>)) {
		const { atLeast, atMost } = (threshold ?? {}) as { atLeast?: unknown; atMost?: unknown }
		const bound = atLeast ?? atMost
		if ((atLeast === undefined) === (atMost === undefined) || typeof bound !== 'number' || !Number.isFinite(bound)) {
			throw new ScenarioDefinitionError(`scenario "${scenarioName}": the threshold for ${name} must be { atLeast: n } or { atMost: n }.`)
		}
		checked[name] = atLeast !== undefined ? { atLeast: atLeast as number } : { atMost: atMost as number }
	}
	if (Object.keys(checked).length === 0) throw new ScenarioDefinitionError(`scenario "${scenarioName}": give at least one threshold; a scenario without one cannot fail.`)
	return checked
}

function checkLatency(profile: unknown, what: string) {
	const valid =
		(typeof profile === 'number' && profile >= 0) ||
		(typeof profile === 'object' && profile !== null && (profile as { p50: unknown }).p50 as number >= 0 && (profile as { p99: unknown }).p99 as number >= 0)
	if (!valid) throw new ScenarioDefinitionError(`${what} must be a number of ms or { p50, p99 } in ms.`)
}

function percentile(sorted: number[], quantile: number): number | null {
	if (sorted.length === 0) return null
	return sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] as number
}

// mulberry32, as the harness's Math.random: the same seed gives the same world.
function seededRandom(seed: number) {
	let state = seed | 0 || 1
	return () => {
		state = (state + 0x6d2b79f5) | 0
		let t = state
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

function isThenable(value: unknown): value is Promise<unknown> {
	return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function'
}

function round(value: number, digits: number) {
	const factor = 10 ** digits
	return Math.round(value * factor) / factor
}

function thousands(value: number) {
	const [whole = '', fraction] = String(value).split('.')
	return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`
}

function formatValue(value: number, unit: string) {
	return unit === '%' ? `${value} %` : `${thousands(value)} ${unit}`
}

function formatClock(ms: number) {
	const minutes = Math.floor(ms / 60_000)
	const seconds = Math.floor((ms % 60_000) / 1000)
	return `${minutes}:${String(seconds).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`
}

function formatDuration(ms: number) {
	return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`
}
