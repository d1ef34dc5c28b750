// The simulated world a scenario plays: traffic and bursts, dependencies that slow down and
// fail, at-least-once deliveries, nodes' clocks and side effects, all on the harness's virtual
// clock. It plays until nothing is pending (or settleMs after the traffic ended, or at its
// event limit) and then says what it measured.
import type { SimulationHost } from './simulation.ts'
import { STANDARD_METRICS, eventLimitMessage, standardMetrics, unfinishedCallsMessage, type MeasuredMetric, type ScenarioStop } from './simulation-report.ts'
import { mulberry32 } from '../../utils/random.ts'

type Awaitable<T> = T | Promise<T>

export type LatencyProfile = number | { p50: number; p99: number }
export type SimulationOptions = {
	/** Seed of the simulation's randomness; defaults to the run's seed. */
	seed?: number
	/** How long in-flight work may go on after the traffic has ended. Default 60 s. */
	settleMs?: number
	/** Timers the simulation may fire before it is stopped. Default 100,000. */
	maxEvents?: number
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
	metrics: MeasuredMetric[]
}

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
export class ScenarioDefinitionError extends Error {}

export type Simulation = ReturnType<typeof createWorld>['sim']

export function createWorld(host: SimulationHost, options: SimulationOptions) {
	const seed = options.seed ?? host.runSeed()
	const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS
	const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS
	const startedAt = host.now()
	const firstTimerId = host.nextTimerId()
	// The same generator as the harness's Math.random: the same seed gives the same world.
	const random = mulberry32(seed | 0 || 1)

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
		const id = host.setTimer(
			() => {
				ownTimers.delete(id)
				fn()
			},
			Math.max(0, ms),
		)
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
					let ok: boolean
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
			if (!(window.rate >= 0 && window.rate <= 1))
				throw new ScenarioDefinitionError(`dependency "${name}": a failure rate must be between 0 and 1, not ${String(window.rate)}.`)
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
		if (!(perSecond > 0) || !(forMs > 0))
			throw new ScenarioDefinitionError(`traffic needs perSecond and forMs above 0 (got ${String(perSecond)} and ${String(forMs)}).`)
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
		const standard = standardMetrics({ requests, effects, expectations, dependencies, extraCost })
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
				outcome.message = eventLimitMessage(maxEvents, virtualMs, designEvents)
			} else if (stoppedBy === 'unfinished-calls') {
				outcome.stoppedBy = stoppedBy
				const stuck = requests.filter((record) => !record.settled).length
				outcome.message = unfinishedCallsMessage(virtualMs, stuck, requests.length, settleMs)
			}
			return outcome
		},
	}
}

function checkLatency(profile: unknown, what: string) {
	const valid =
		(typeof profile === 'number' && profile >= 0) ||
		(typeof profile === 'object' &&
			profile !== null &&
			((profile as { p50: unknown }).p50 as number) >= 0 &&
			((profile as { p99: unknown }).p99 as number) >= 0)
	if (!valid) throw new ScenarioDefinitionError(`${what} must be a number of ms or { p50, p99 } in ms.`)
}

function isThenable(value: unknown): value is Promise<unknown> {
	return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as { then?: unknown }).then === 'function'
}
