// The world the scenarios play in: the mobile app asking storefront-bff for prices, PriceHub
// behind its gateway, its read replicas, the ERP's repricer and the event bus. Built on the
// sandbox's simulation kit, in virtual time: minutes of evening traffic run in a fraction of
// a second.
import { SimulatedFailure } from 'hardmode:sim'
import type { DependencyProfile, LatencyProfile, Simulation } from 'hardmode:sim'
import { type PricesNode, startPricesNode } from '../../src/app'
import type { PriceChanged, PriceChangedHandler, PriceFeed } from '../../src/pricing/priceEvents'
import { type Price, type PriceHub, PriceHubUnavailableError, UnknownSkuError } from '../../src/pricing/priceHub'
import type { PriceResponse } from '../../src/prices/priceEndpoint'

/** The app waits this long for a price, then shows "price unavailable". */
export const APP_TIMEOUT_MS = 2_000
/** PriceHub's gateway: requests in flight per client application (all our nodes together). */
export const GATEWAY_LIMIT = 20
/** The pricing team's rule: no price shown more than 60 s after it changed. */
export const PRICE_RULE_MS = 60_000
/** A price shown more than 5 s after it changed is one the checkout will likely reject. */
export const CHECKOUT_MISMATCH_MS = 5_000

type Revision = { version: number; amountCents: number; wasCents?: number; changedAt: number; visibleAt: number }

export type WorldOptions = {
  priceHub: DependencyProfile
  /** Products on the home screen, in the app's listings, and the rest of the assortment. */
  catalogue?: { featured: number; warm: number; tail: number }
  /** How long a committed change takes to reach PriceHub's read replicas. */
  replicaLagMs?: { min: number; max: number }
  /** The event bus: delay from commit to delivery, the share of events delivered twice, and consumers that stall. */
  events?: {
    delay: LatencyProfile
    duplicateRate?: number
    duplicateWithinMs?: number
    /** A node's consumer stops receiving from `from` to `to` (ms since the start); what it missed arrives after. */
    stalls?: Array<{ node: string; from: number; to: number }>
  }
}

export type World = ReturnType<typeof createWorld>

export function createWorld(sim: Simulation, options: WorldOptions) {
  const { featured = 4, warm = 80, tail = 600 } = options.catalogue ?? {}
  const lag = options.replicaLagMs ?? { min: 200, max: 2_000 }
  const events = options.events ?? { delay: { p50: 80, p99: 600 } }
  const sku = (n: number) => `KW-${String(10_000 + n)}`
  const skus = {
    featured: Array.from({ length: featured }, (_, i) => sku(i)),
    warm: Array.from({ length: warm }, (_, i) => sku(featured + i)),
    tail: Array.from({ length: tail }, (_, i) => sku(featured + warm + i)),
  }
  // Each SKU's price history, as the ERP committed it.
  const prices = new Map<string, Revision[]>()
  for (const name of [...skus.featured, ...skus.warm, ...skus.tail]) {
    prices.set(name, [{ version: sim.between(1, 40), amountCents: 1_000 * sim.between(2, 150) - 1, changedAt: -86_400_000, visibleAt: -86_400_000 }])
  }
  const revisionsOf = (name: string) => prices.get(name) ?? []

  // PriceHub: its gateway sheds what goes past the limit, its replicas lag behind the ERP.
  const hub = sim.dependency('pricehub', options.priceHub)
  const gateway = sim.dependency('pricehub-gateway-503', { latency: 3, failures: [{ from: 0, to: Number.POSITIVE_INFINITY, rate: 1 }] })
  let inFlight = 0
  let shed = 0
  const priceHub: PriceHub = {
    async getPrice(name) {
      const limited = inFlight >= GATEWAY_LIMIT
      if (limited) shed++
      else inFlight++
      try {
        return await (limited ? gateway : hub).call(() => readReplica(name))
      } catch (error) {
        if (error instanceof SimulatedFailure) throw new PriceHubUnavailableError(limited ? '503 Service Unavailable: concurrency limit for client storefront-bff' : '503 Service Unavailable')
        throw error
      } finally {
        if (!limited) inFlight--
      }
    },
  }
  function readReplica(name: string): Price {
    const revisions = prices.get(name)
    if (!revisions) throw new UnknownSkuError(name)
    const now = sim.now()
    const visible = revisions.findLast((revision) => revision.visibleAt <= now) ?? (revisions[0] as Revision)
    return { sku: name, amountCents: visible.amountCents, currency: 'EUR', version: visible.version, ...(visible.wasCents === undefined ? {} : { wasCents: visible.wasCents }) }
  }

  // The event bus: every group gets every event; within a group, the SKU's partition decides
  // which member. Each node has its own connection to the bus, and a node's consumer can stall
  // (a rebalance): its events then wait.
  type Member = { handler: PriceChangedHandler; node: string }
  const groups = new Map<string, Member[]>()
  const feedFor = (node: string): PriceFeed => ({
    subscribe(group, handler) {
      const members = groups.get(group) ?? []
      members.push({ handler, node })
      groups.set(group, members)
    },
  })
  function deliveryTime(member: Member, at: number) {
    const stall = events.stalls?.find((window) => window.node === member.node && at >= window.from && at < window.to)
    return stall ? stall.to + sim.latency(events.delay) : at
  }
  function publish(event: PriceChanged) {
    for (const members of groups.values()) {
      const member = members[partition(event.sku) % members.length] as Member
      const sentAt = sim.now() + sim.latency(events.delay)
      sim.at(deliveryTime(member, sentAt), () => member.handler({ ...event }))
      if (events.duplicateRate && sim.chance(events.duplicateRate)) {
        const againAt = sentAt + sim.between(0, events.duplicateWithinMs ?? 5_000)
        sim.at(deliveryTime(member, againAt), () => member.handler({ ...event }))
      }
    }
  }

  /** The ERP commits a new price now; the replicas and the event bus follow. */
  function changePrice(name: string, change: { amountCents?: number; wasCents?: number } = {}) {
    const revisions = revisionsOf(name)
    const last = revisions.at(-1) as Revision
    const changedAt = sim.now()
    const amountCents = change.amountCents ?? Math.max(999, Math.round((last.amountCents * (0.93 + 0.14 * sim.random())) / 100) * 100 - 1)
    const revision: Revision = { version: last.version + 1, amountCents, changedAt, visibleAt: changedAt + sim.between(lag.min, lag.max) }
    if (change.wasCents !== undefined) revision.wasCents = change.wasCents
    revisions.push(revision)
    publish({ type: 'price.changed', sku: name, version: revision.version, changedAt: Date.now() })
  }

  // What the app saw: every price shown is checked against the ERP's history at the moment it was shown.
  let shown = 0
  let stale = 0
  let outdated = 0
  let peakEntries = 0
  const featuredSet = new Set(skus.featured)
  const featuredLatencies: number[] = []
  const nodes: PricesNode[] = []
  function check(name: string, response: PriceResponse) {
    if (response.status !== 200) return
    shown++
    const now = sim.now()
    const revisions = revisionsOf(name)
    const index = revisions.findIndex((revision) => revision.version === response.body.priceVersion)
    const revision = revisions[index]
    // A price that never existed is as bad as the oldest one.
    const supersededAt = revision === undefined || revision.amountCents !== response.body.amountCents ? Number.NEGATIVE_INFINITY : (revisions[index + 1]?.changedAt ?? Number.POSITIVE_INFINITY)
    if (now - supersededAt > PRICE_RULE_MS) stale++
    if (now - supersededAt > CHECKOUT_MISMATCH_MS) outdated++
  }
  sim.metric('staleReads', { label: 'Prices shown more than 60 s after they changed', unit: 'reads', value: () => stale })
  sim.metric('outdatedReads', { label: 'Prices shown more than 5 s after they changed', unit: '%', value: () => (shown === 0 ? null : Math.round((10_000 * outdated) / shown) / 100) })
  sim.metric('homeScreenP99Ms', { label: 'Latency p99 of the home screen\'s featured prices', unit: 'ms', value: () => percentile(featuredLatencies, 0.99) })
  sim.metric('shedCalls', { label: 'Calls PriceHub\'s gateway turned away', unit: 'calls', value: () => shed })
  sim.metric('peakCachedPrices', { label: 'Prices cached on one node, at most', unit: 'entries', value: () => peakEntries })

  /** The app asks one node for one price, as a measured request. */
  async function appRequest(node: PricesNode, name: string) {
    const outcome = await sim.request(() => node.handle({ sku: name }), { timeoutMs: APP_TIMEOUT_MS, ok: (response) => response.status === 200 })
    if (outcome.ok && outcome.answer) check(name, outcome.answer)
    if (featuredSet.has(name)) featuredLatencies.push(outcome.latencyMs)
    peakEntries = Math.max(peakEntries, node.stats().entries)
    return outcome
  }

  return {
    skus,
    changePrice,
    appRequest,
    /** Starts the BFF's nodes, each with its own memory; the load balancer picks one per request. */
    startNodes(names: string[]) {
      for (const node of names) nodes.push(startPricesNode({ priceHub, feed: feedFor(node), node }))
      return nodes
    },
    pickNode: () => sim.pick(nodes),
  }
}

export type AppTraffic = {
  /** App opens per second: each open asks for every featured price on the home screen at once. */
  homeOpensPerSecond: number
  /** Product pages and listings per second, each asking for one price. */
  productViewsPerSecond: number
  /** Share of product views that land in the long tail rather than the listings' products. */
  tailShare?: number
  forMs: number
  startAt?: number
}

/** The app's traffic: home screens (the featured products, all at once) and product views. */
export function appTraffic(world: World, sim: Simulation, traffic: AppTraffic) {
  const { forMs, startAt = 0, tailShare = 0.3 } = traffic
  sim.traffic({ perSecond: traffic.homeOpensPerSecond, forMs, startAt }, () => {
    const node = world.pickNode()
    return Promise.all(world.skus.featured.map((sku) => world.appRequest(node, sku)))
  })
  sim.traffic({ perSecond: traffic.productViewsPerSecond, forMs, startAt }, () =>
    world.appRequest(world.pickNode(), sim.pick(sim.chance(tailShare) ? world.skus.tail : world.skus.warm)),
  )
}

/** The ERP's repricer follows competitors: `perSecond` changes, a share of them on featured products. */
export function repricer(world: World, sim: Simulation, { perSecond, forMs, startAt = 0, featuredShare = 0.2, tailShare = 0.4 }: { perSecond: number; forMs: number; startAt?: number; featuredShare?: number; tailShare?: number }) {
  sim.traffic({ perSecond, forMs, startAt }, () => {
    const roll = sim.random()
    const pool = roll < featuredShare ? world.skus.featured : roll < featuredShare + tailShare ? world.skus.tail : world.skus.warm
    world.changePrice(sim.pick(pool))
  })
}

function partition(sku: string) {
  let hash = 0
  for (const char of sku) hash = (hash * 31 + char.charCodeAt(0)) | 0
  return Math.abs(hash)
}

function percentile(values: number[], quantile: number) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] as number
}
