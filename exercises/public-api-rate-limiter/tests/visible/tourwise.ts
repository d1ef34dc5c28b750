// The world the scenarios play in: Tourwise's public API with its gateway nodes, the shared
// Redis, the solver pool behind them, and the customers' clients. Built on the sandbox's
// simulation kit, in virtual time: minutes of traffic run in a fraction of a second.
import type { Simulation } from 'hardmode:sim'
import { type Account, InMemoryAccounts, PLANS, type Plan } from '../../src/accounts/plans'
import type { Clock } from '../../src/clock'
import { type ApiRequest, type ApiResponse, ApiGateway } from '../../src/gateway/gateway'
import { RateLimiter } from '../../src/ratelimit/rateLimiter'
import { type OptimizeRequest, type RouteSolver, SolverBusyError } from '../../src/solver/routeSolver'
import { InMemorySharedStore } from '../../src/store/sharedStore'

/** The SDKs give up on a request after 5 s. */
export const CLIENT_TIMEOUT_MS = 5_000

/** Well-behaved customers keep to their plans; a noisy one's client sends more than its plan allows. */
export type TenantKind = 'well-behaved' | 'noisy'
export type Tenant = Account & { kind: TenantKind }
export type WorldOptions = {
  /** The gateway nodes behind the load balancer, each with its own clock. */
  nodes?: Array<{ name: string; skewMs?: number }>
  /** The solver pool: how many optimisations run at once, how long one takes, how long a request may queue. */
  solver?: { workers: number; latency: { p50: number; p99: number }; maxQueueMs: number }
  /** How often the limiter's memory and Redis's keys are sampled, and until when (ms since the start). */
  sampleEveryMs?: number
  sampleUntilMs: number
}

export type World = ReturnType<typeof createWorld>

export function createWorld(sim: Simulation, options: WorldOptions) {
  const nodes = options.nodes ?? [{ name: 'gw-1' }]
  const store = new InMemorySharedStore({ roundTrip: () => sim.sleep(sim.latency({ p50: 1, p99: 4 })) })
  const accounts = new InMemoryAccounts()
  const solver = solverPool(sim, options.solver ?? { workers: 4, latency: { p50: 80, p99: 400 }, maxQueueMs: 1_500 })
  const meter = contractMeter()

  const limiterTimes: number[] = []
  const limiters: RateLimiter[] = []
  const external = new Set<unknown>([store])
  const gateways = nodes.map(({ name, skewMs = 0 }) => {
    const clock: Clock = sim.clock({ skewMs })
    external.add(clock)
    const limiter = new RateLimiter({ store, clock, node: name })
    limiters.push(limiter)
    // The gateway sees the limiter through a stopwatch: how long each decision takes is the latency it adds.
    const timed = {
      async check(apiKey: string, plan: Plan) {
        const startedAt = sim.now()
        try {
          return await limiter.check(apiKey, plan)
        } finally {
          limiterTimes.push(sim.now() - startedAt)
        }
      },
    }
    return new ApiGateway({ accounts, limiter: timed, solver, node: name })
  })

  const tenants: Tenant[] = []
  const sent = new Map<string, number>()
  const succeeded = new Map<string, number>()
  const wellBehavedTimes: number[] = []
  const count = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1)
  let requests = 0
  let memoryPeak = 0
  let storeKeysPeak = 0

  function addTenant(tenant: string, plan: Plan, kind: TenantKind = 'well-behaved', apiKey = `tw_live_${tenant}_${String(tenants.length + 1).padStart(4, '0')}`): Tenant {
    const account = { apiKey, tenant, plan, kind }
    accounts.add(account)
    tenants.push(account)
    return account
  }

  /** One request, as a client sends it; the load balancer picks a node. A 429 may be retried at once, as some SDKs do. */
  async function send(tenant: Tenant, { retries = 0, retryAfterMs = { min: 10, max: 40 } } = {}) {
    for (let attempt = 0; ; attempt++) {
      requests++
      count(sent, tenant.apiKey)
      meter.arrive(tenant, sim.now())
      const gateway = sim.pick(gateways)
      const request: ApiRequest = { requestId: `req_${String(requests).padStart(6, '0')}`, apiKey: tenant.apiKey, stops: sim.between(12, 60) }
      const outcome = await sim.request<ApiResponse>(() => gateway.handle(request), { timeoutMs: CLIENT_TIMEOUT_MS, ok: (response) => response.status === 200 })
      if (outcome.ok) count(succeeded, tenant.apiKey)
      if (tenant.kind === 'well-behaved') wellBehavedTimes.push(outcome.latencyMs)
      if (outcome.answer?.status !== 429 || attempt >= retries) return
      await sim.sleep(sim.between(retryAfterMs.min, retryAfterMs.max))
    }
  }

  // What each node's limiter holds, and what Redis holds, sampled while the traffic runs.
  function sample() {
    for (const limiter of limiters) memoryPeak = Math.max(memoryPeak, retainedBytes(limiter, external))
    storeKeysPeak = Math.max(storeKeysPeak, store.liveKeys())
  }
  const every = options.sampleEveryMs ?? 5_000
  for (let at = every; at <= options.sampleUntilMs; at += every) sim.at(at, sample)

  const of = (kind: TenantKind) => tenants.filter((tenant) => tenant.kind === kind)
  const total = (list: Tenant[], counts: Map<string, number>) => list.reduce((sum, tenant) => sum + (counts.get(tenant.apiKey) ?? 0), 0)

  sim.metric('wellBehavedSuccess', {
    label: 'Well-behaved customers: requests answered',
    unit: '%',
    value: () => {
      const list = of('well-behaved')
      const all = total(list, sent)
      return all === 0 ? null : round((100 * total(list, succeeded)) / all)
    },
  })
  sim.metric('wellBehavedP99Ms', {
    label: 'Well-behaved customers: response time p99',
    unit: 'ms',
    value: () => percentile(wellBehavedTimes, 0.99),
  })
  sim.metric('wellBehavedOverPlan', {
    label: 'Well-behaved customers: requests over their plan (a check on the traffic)',
    unit: 'requests',
    value: () => of('well-behaved').reduce((sum, tenant) => sum + meter.over(tenant.apiKey), 0),
  })
  sim.metric('noisyExcessAdmitted', {
    label: 'Noisy customers: requests over their plan that reached the solvers',
    unit: '%',
    value: () => {
      const list = of('noisy')
      if (list.length === 0) return null
      const admitted = total(list, solver.admitted)
      const conforming = list.reduce((sum, tenant) => sum + meter.within(tenant.apiKey), 0)
      const over = list.reduce((sum, tenant) => sum + meter.over(tenant.apiKey), 0)
      return round((100 * Math.max(0, admitted - conforming)) / Math.max(1, over))
    },
  })
  sim.metric('noisyPlanServed', {
    label: 'Noisy customers: share of their plan they still got',
    unit: '%',
    value: () => {
      const list = of('noisy')
      if (list.length === 0) return null
      const admitted = total(list, solver.admitted)
      const conforming = list.reduce((sum, tenant) => sum + meter.within(tenant.apiKey), 0)
      return conforming === 0 ? null : round((100 * Math.min(admitted, conforming)) / conforming)
    },
  })
  sim.metric('limiterP99Ms', {
    label: 'Latency the limiter adds, p99',
    unit: 'ms',
    value: () => percentile(limiterTimes, 0.99),
  })
  sim.metric('limiterMemoryKb', {
    label: 'Limiter memory per node, peak',
    unit: 'KB',
    value: () => {
      sample()
      return round(memoryPeak / 1024)
    },
  })
  sim.metric('storeKeysPeak', {
    label: 'Keys in Redis, peak',
    unit: 'keys',
    value: () => {
      sample()
      return storeKeysPeak
    },
  })
  sim.metric('storeCallsPerRequest', {
    label: 'Redis commands per API request',
    unit: 'calls',
    value: () => (requests === 0 ? null : round(store.commands / requests)),
  })
  sim.metric('solverQueueDrops', {
    label: 'Requests dropped by the saturated solver pool',
    unit: 'requests',
    value: () => solver.dropped,
  })

  return { addTenant, send, store, gateways, limiters }
}

/** Steady use plus regular bursts (a dispatcher's shift starting, a batch of tours), within the plan. */
export function usesTheApi(sim: Simulation, world: World, tenant: Tenant, { perSecond, burst, forMs, startAt = 0 }: { perSecond: number; burst?: { size: number; everyMs: number }; forMs: number; startAt?: number }) {
  sim.traffic({ perSecond, forMs, startAt }, () => world.send(tenant))
  if (burst) {
    const phase = sim.between(0, Math.min(burst.everyMs, forMs) - 1)
    sim.traffic({ perSecond: 1000 / burst.everyMs, forMs: forMs - phase, startAt: startAt + phase, pattern: 'steady' }, () =>
      sim.burst({ count: burst.size, at: sim.now(), withinMs: 300 }, () => world.send(tenant)),
    )
  }
}

/** Tourwise's customers at launch, on an ordinary day: dispatch apps that load in bursts, within their plans. */
export function launchCustomers(sim: Simulation, world: World, forMs: number) {
  const customers = {
    freshcrate: world.addTenant('freshcrate', PLANS.business),
    velocargo: world.addTenant('velocargo', PLANS.business),
    ridgeline: world.addTenant('ridgeline', PLANS.business),
    pakko: world.addTenant('pakko', PLANS.starter),
    kiezkurier: world.addTenant('kiezkurier', PLANS.starter),
    lumen: world.addTenant('lumen', PLANS.starter),
  }
  usesTheApi(sim, world, customers.freshcrate, { perSecond: 3, burst: { size: 12, everyMs: 20_000 }, forMs })
  usesTheApi(sim, world, customers.velocargo, { perSecond: 2.5, burst: { size: 15, everyMs: 30_000 }, forMs })
  usesTheApi(sim, world, customers.ridgeline, { perSecond: 2, burst: { size: 10, everyMs: 15_000 }, forMs })
  usesTheApi(sim, world, customers.pakko, { perSecond: 0.7, burst: { size: 6, everyMs: 30_000 }, forMs })
  usesTheApi(sim, world, customers.kiezkurier, { perSecond: 0.5, burst: { size: 8, everyMs: 40_000 }, forMs })
  usesTheApi(sim, world, customers.lumen, { perSecond: 1, forMs })
  return customers
}

// The solver pool: a fixed number of workers; requests queue in order; one that has waited past
// maxQueueMs when its turn comes is dropped (503) rather than solved for a client that gave up.
function solverPool(sim: Simulation, { workers, latency, maxQueueMs }: { workers: number; latency: { p50: number; p99: number }; maxQueueMs: number }) {
  const admitted = new Map<string, number>()
  const waiting: Array<() => void> = []
  let busy = 0
  let dropped = 0
  let routes = 0

  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else busy--
  }
  async function acquire(): Promise<boolean> {
    if (busy < workers) {
      busy++
      return true
    }
    const queuedAt = sim.now()
    await new Promise<void>((resolve) => waiting.push(resolve))
    if (sim.now() - queuedAt <= maxQueueMs) return true
    release()
    return false
  }

  const pool: RouteSolver & { admitted: Map<string, number>; readonly dropped: number } = {
    admitted,
    get dropped() {
      return dropped
    },
    async optimize(request: OptimizeRequest) {
      admitted.set(request.apiKey, (admitted.get(request.apiKey) ?? 0) + 1)
      if (!(await acquire())) {
        dropped++
        throw new SolverBusyError('solver queue wait exceeded')
      }
      try {
        await sim.sleep(sim.latency(latency))
        return { requestId: request.requestId, routeId: `rt_${++routes}`, stops: request.stops, durationS: request.stops * 540 }
      } finally {
        release()
      }
    },
  }
  return pool
}

// The contract the plans promise, as an ideal meter: a bucket per key that holds `burst` requests
// and refills at requestsPerMinute, on the true time a request reaches the API. A request it can
// pay for is within the plan; one it cannot is over.
function contractMeter() {
  const buckets = new Map<string, { tokens: number; at: number; within: number; over: number }>()
  const bucket = (apiKey: string) => buckets.get(apiKey) ?? { tokens: 0, at: 0, within: 0, over: 0 }
  return {
    arrive(tenant: Tenant, at: number) {
      const state = buckets.get(tenant.apiKey) ?? { tokens: tenant.plan.burst, at, within: 0, over: 0 }
      state.tokens = Math.min(tenant.plan.burst, state.tokens + ((at - state.at) * tenant.plan.requestsPerMinute) / 60_000)
      state.at = at
      if (state.tokens >= 1) {
        state.tokens -= 1
        state.within++
      } else {
        state.over++
      }
      buckets.set(tenant.apiKey, state)
    },
    within: (apiKey: string) => bucket(apiKey).within,
    over: (apiKey: string) => bucket(apiKey).over,
  }
}

/**
 * Estimated bytes a limiter holds: walks its fields (Maps, Sets, arrays, typed arrays, objects,
 * strings), skipping what the world lent it (the store, the clock). What it cannot see: `#private`
 * fields, closures and module-level variables, so keep the limiter's state in its ordinary fields.
 */
export function retainedBytes(root: object, external: Set<unknown>): number {
  const seen = new Set<object>()
  const stack: unknown[] = [root]
  let bytes = 0
  while (stack.length > 0) {
    const value = stack.pop()
    if (typeof value === 'string') {
      bytes += 16 + value.length
      continue
    }
    if (typeof value !== 'object' || value === null || external.has(value) || seen.has(value)) continue
    seen.add(value)
    if (value instanceof Map) {
      bytes += 32 + 24 * value.size
      for (const [key, entry] of value) stack.push(key, entry)
    } else if (value instanceof Set) {
      bytes += 32 + 16 * value.size
      for (const entry of value) stack.push(entry)
    } else if (ArrayBuffer.isView(value)) {
      bytes += 64 + value.byteLength
    } else if (value instanceof ArrayBuffer) {
      bytes += 32 + value.byteLength
    } else if (Array.isArray(value)) {
      bytes += 16 + 8 * value.length
      for (const entry of value) stack.push(entry)
    } else {
      const fields = Object.keys(value)
      bytes += 24 + 8 * fields.length
      for (const field of fields) stack.push((value as Record<string, unknown>)[field])
    }
  }
  return bytes
}

function percentile(values: number[], quantile: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] as number
}

function round(value: number) {
  return Math.round(value * 100) / 100
}
