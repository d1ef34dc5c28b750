// The world the scenarios play in: customers' visits (a basket quote, then a checkout quote a
// minute later), the load balancer and the checkout pods, the two pricing engines, and Flagpole
// with the growth team's console. Built on the sandbox's simulation kit, in virtual time.
import { SimulatedFailure } from 'hardmode:sim'
import type { DependencyProfile, Simulation } from 'hardmode:sim'
import { type CheckoutPod, startCheckoutPod } from '../../src/app'
import type { QuoteResponse } from '../../src/checkout/quoteService'
import { type FlagRule, type FlagSet, type Flagpole, FlagpoleUnavailableError } from '../../src/flags/flagpole'
import { type Basket, type EngineName, type PricedBasket, type PricingEngine, PricingUnavailableError } from '../../src/pricing/pricingEngine'

/** The flag's key, as configured in Flagpole's console. */
export const FLAG = 'pricing.quoter-engine'
/** The app waits this long for a quote, then shows "something went wrong". */
export const APP_TIMEOUT_MS = 2_000
/** Flagpole's limit per SDK key, all pods together. */
export const FLAGPOLE_LIMIT_PER_SECOND = 10
/** Once the flag is switched off, no basket may be priced by quoter after this long, on any pod. */
export const SWITCH_OFF_WITHIN_MS = 10_000
/** A visit or a quote this soon after an edit of the flag is not held against the design: the change is still spreading. */
export const SPREADING_MS = 15_000
/** Traffic starts once the pods have had a moment to start. */
export const TRAFFIC_STARTS_AT = 5_000
/** Long enough for the last visit to reach its checkout. */
export const SETTLE_MS = 75_000

export type WorldOptions = {
  flagpole: DependencyProfile
  pods: number
  rollout: { enabled: boolean; rolloutPercent: number }
  pricing?: { legacy?: DependencyProfile; quoter?: DependencyProfile }
}

type Slot = { name: string; pod: CheckoutPod; ready: boolean; inRotation: boolean; stopped: boolean }
type Quoted = { at: number; ok: boolean; engine?: EngineName }

export type World = ReturnType<typeof createWorld>

export function createWorld(sim: Simulation, options: WorldOptions) {
  // The growth team's console: every edit of the flag, with when it was made.
  let flagSet: FlagSet = { version: 1, flags: { [FLAG]: { ...options.rollout, salt: 'qx7' } } }
  const edits: Array<{ at: number; rule: FlagRule }> = [{ at: Number.NEGATIVE_INFINITY, rule: flagSet.flags[FLAG] as FlagRule }]
  function editFlag(change: Partial<FlagRule>) {
    const rule = { ...(flagSet.flags[FLAG] as FlagRule), ...change }
    flagSet = { version: flagSet.version + 1, flags: { ...flagSet.flags, [FLAG]: rule } }
    edits.push({ at: sim.now(), rule })
  }
  const ruleAt = (at: number) => (edits.findLast((edit) => edit.at <= at) as { rule: FlagRule }).rule
  const editedBetween = (from: number, to: number) => edits.some((edit) => edit.at >= from && edit.at <= to)

  // Flagpole: its latency and bad minutes, and its rate limit per SDK key.
  const api = sim.dependency('flagpole', options.flagpole)
  const admitted: number[] = []
  let flagpoleCalls = 0
  let rejected = 0
  function flagpoleFor(slot: { stopped: boolean }): Flagpole {
    return {
      async fetchFlags() {
        // The pod's process has exited: nothing it starts will ever finish.
        if (slot.stopped) return new Promise<FlagSet>(() => {})
        flagpoleCalls++
        const now = sim.now()
        while (admitted.length > 0 && (admitted[0] as number) <= now - 1_000) admitted.shift()
        if (admitted.length >= FLAGPOLE_LIMIT_PER_SECOND) {
          rejected++
          await sim.sleep(sim.latency({ p50: 25, p99: 120 }))
          throw new FlagpoleUnavailableError('429 Too Many Requests')
        }
        admitted.push(now)
        try {
          return await api.call(() => JSON.parse(JSON.stringify(flagSet)) as FlagSet)
        } catch (error) {
          if (error instanceof SimulatedFailure) throw new FlagpoleUnavailableError(error.lostReply ? 'connection reset' : '503 Service Unavailable')
          throw error
        }
      },
    }
  }

  // The pricing engines. From `brokenFrom` on, quoter gets coupons wrong.
  let brokenFrom = Number.POSITIVE_INFINITY
  function engine(name: EngineName, profile: DependencyProfile): PricingEngine {
    const dependency = sim.dependency(`pricing-${name}`, profile)
    return {
      name,
      async price(basket) {
        try {
          return await dependency.call(() => priceBasket(name, basket, name === 'quoter' && sim.now() >= brokenFrom))
        } catch (error) {
          if (error instanceof SimulatedFailure) throw new PricingUnavailableError(`${name}: 503 Service Unavailable`)
          throw error
        }
      },
    }
  }
  const engines = {
    legacy: engine('legacy', options.pricing?.legacy ?? { latency: { p50: 45, p99: 220 } }),
    quoter: engine('quoter', options.pricing?.quoter ?? { latency: { p50: 35, p99: 180 } }),
  }

  // The fleet and the load balancer: a request goes to any pod that is ready and in rotation.
  const slots: Slot[] = []
  let podCount = 0
  function startPod(): Slot {
    const slot = { name: `checkout-${++podCount}`, ready: false, inRotation: true, stopped: false } as Slot
    slot.pod = startCheckoutPod({ flagpole: flagpoleFor(slot), engines, node: slot.name })
    Promise.resolve(slot.pod.ready).then(
      () => (slot.ready = true),
      () => {},
    )
    slots.push(slot)
    return slot
  }
  const serving = () => slots.filter((slot) => slot.ready && slot.inRotation)
  for (let i = 0; i < options.pods; i++) startPod()

  // What the customers saw.
  const quotes: Quoted[] = []
  const visits: Array<{ customerId: string; basket: Quoted; checkout: Quoted }> = []
  async function quote(customerId: string, visitId: string, step: 'basket' | 'checkout', basket: Basket): Promise<Quoted> {
    const at = sim.now()
    const outcome = await sim.request<QuoteResponse>(
      () => {
        const pods = serving()
        if (pods.length === 0) return { status: 503, body: { error: 'no pod is ready' } }
        return sim.pick(pods).pod.handle({ customerId, visitId, step, basket })
      },
      { timeoutMs: APP_TIMEOUT_MS, ok: (response) => response.status === 200 },
    )
    const quoted: Quoted = { at, ok: outcome.ok }
    if (outcome.ok && outcome.answer?.status === 200) quoted.engine = outcome.answer.body.engine
    quotes.push(quoted)
    return quoted
  }
  let visitCount = 0
  /** A customer opens the basket, and 15 to 60 seconds later checks out. */
  async function visit() {
    const customerId = `cus_${sim.between(100_000, 999_999)}`
    const visitId = `visit_${++visitCount}`
    const basket = randomBasket(sim)
    const first = await quote(customerId, visitId, 'basket', basket)
    await sim.sleep(sim.between(15_000, 60_000))
    const second = await quote(customerId, visitId, 'checkout', basket)
    visits.push({ customerId, basket: first, checkout: second })
  }

  sim.metric('engineSwitches', {
    label: 'Visits priced by both engines (the flag unchanged)',
    unit: 'visits',
    value: () =>
      visits.filter(({ basket, checkout }) => basket.engine && checkout.engine && basket.engine !== checkout.engine && !editedBetween(basket.at - SPREADING_MS, checkout.at)).length,
  })
  // Flagpole's console counts the customers in a rollout by their buckets; the share quoter priced is
  // compared with that count for the same customers, so it does not depend on who happened to visit.
  sim.metric('rolloutDeviation', {
    label: "Quoter's share of customers, off Flagpole's count by",
    unit: 'points',
    value: () => {
      const byRule = new Map<FlagRule, { all: number; quoter: number; counted: number }>()
      for (const { basket, customerId } of visits) {
        if (!basket.engine || editedBetween(basket.at - SPREADING_MS, basket.at)) continue
        const rule = ruleAt(basket.at)
        const tally = byRule.get(rule) ?? { all: 0, quoter: 0, counted: 0 }
        tally.all++
        if (basket.engine === 'quoter') tally.quoter++
        if (rule.enabled && consoleBucket(rule.salt, customerId) < rule.rolloutPercent * 100) tally.counted++
        byRule.set(rule, tally)
      }
      const deviations = [...byRule.values()].filter((tally) => tally.all >= 100).map((tally) => (100 * Math.abs(tally.quoter - tally.counted)) / tally.all)
      return deviations.length === 0 ? null : Math.round(10 * Math.max(...deviations)) / 10
    },
  })
  sim.metric('quoterAfterSwitchOff', {
    label: `Quotes by quoter more than ${SWITCH_OFF_WITHIN_MS / 1000} s after it was switched off`,
    unit: 'quotes',
    value: () =>
      quotes.filter((quoted) => {
        if (quoted.engine !== 'quoter') return false
        const last = edits.findLast((edit) => edit.at <= quoted.at) as { at: number; rule: FlagRule }
        return !last.rule.enabled && quoted.at - last.at > SWITCH_OFF_WITHIN_MS
      }).length,
  })
  sim.metric('lastQuoterAfterSwitchOffMs', {
    label: 'Last quote by quoter after a switch-off, after it by',
    unit: 'ms',
    value: () => {
      let last: number | null = null
      for (const quoted of quotes) {
        if (quoted.engine !== 'quoter') continue
        const edit = edits.findLast((candidate) => candidate.at <= quoted.at) as { at: number; rule: FlagRule }
        if (!edit.rule.enabled) last = Math.max(last ?? 0, quoted.at - edit.at)
      }
      return last
    },
  })
  sim.metric('flagpoleCalls', { label: 'Calls to Flagpole', unit: 'calls', value: () => flagpoleCalls })
  sim.metric('flagpoleRejected', { label: 'Calls Flagpole refused (429)', unit: 'calls', value: () => rejected })

  return {
    sim,
    /** Customers arrive; each one's visit is a basket quote and, a little later, a checkout quote. */
    customers(traffic: { perSecond: number; forMs: number }) {
      sim.traffic({ ...traffic, startAt: TRAFFIC_STARTS_AT }, () => visit())
    },
    /** The growth team edits the flag in Flagpole's console at `at`. */
    editFlagAt(at: number, change: Partial<FlagRule>) {
      sim.at(at, () => editFlag(change))
    },
    /** From `at` on, quoter prices coupons wrong; the metric counts what customers were quoted by it. */
    quoterBreaksAt(at: number) {
      brokenFrom = at
      sim.metric('quotesByBrokenQuoter', {
        label: 'Quotes by quoter while it was broken',
        unit: 'quotes',
        value: () => quotes.filter((quoted) => quoted.engine === 'quoter' && quoted.at >= brokenFrom).length,
      })
    },
    /** A rolling deploy: from `at`, each pod in turn is replaced by a new one once the new one is ready. */
    rollingDeployAt(at: number, { pauseMs = 5_000 }: { pauseMs?: number } = {}) {
      sim.at(at, async () => {
        for (const old of slots.filter((slot) => slot.inRotation)) {
          const fresh = startPod()
          for (let waited = 0; !fresh.ready && waited < 60_000; waited += 250) await sim.sleep(250)
          old.inRotation = false
          // Requests already on the old pod finish before its process exits.
          sim.at(sim.now() + APP_TIMEOUT_MS + 1_000, () => {
            old.pod.stop()
            old.stopped = true
          })
          await sim.sleep(pauseMs)
        }
      })
    },
  }
}

/** How Flagpole's console buckets a customer (FNV-1a of salt and customer id, 10,000 buckets). */
function consoleBucket(salt: string, customerId: string) {
  let hash = 0x811c9dc5
  for (const char of `${salt}:${customerId}`) {
    hash ^= char.charCodeAt(0)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash % 10_000
}

function randomBasket(sim: Simulation): Basket {
  const lines = Array.from({ length: sim.between(3, 25) }, () => ({ sku: `GB-${sim.between(1_000, 9_999)}`, quantity: sim.between(1, 4), unitCents: sim.between(89, 1_299) }))
  return { lines, postcode: `${sim.between(10_000, 99_999)}`, ...(sim.chance(0.3) ? { coupon: 'SPRING5' } : {}) }
}

function priceBasket(engine: EngineName, basket: Basket, broken: boolean): PricedBasket {
  const items = basket.lines.reduce((sum, line) => sum + line.quantity * line.unitCents, 0)
  const coupon = basket.coupon ? Math.min(500, items) : 0
  const discountCents = broken ? coupon * 2 : coupon
  const deliveryCents = items >= 6_000 ? 0 : 399
  return { engine, totalCents: Math.max(0, items - discountCents) + deliveryCents, discountCents, deliveryCents }
}
