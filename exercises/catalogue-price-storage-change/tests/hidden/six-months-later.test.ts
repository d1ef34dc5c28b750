// Stage 2, six months later: the next change of the same kind meets pricing-sync, the
// procurement team's job that writes prices the way v1 did, straight into the store.
import { scenario } from 'hardmode:sim'
import type { Simulation } from 'hardmode:sim'
import { SETTLE_MS, type World, createWorld } from '../visible/greenbasket'

const AFTERNOON_MS = 8 * 60_000

/** pricing-sync: every `everyMs`, it sets the price of `prices` products straight in the store, the way v1 does ($set of price and updatedAt). */
function pricingSync(sim: Simulation, world: World, { everyMs, prices }: { everyMs: number; prices: number }) {
  sim.traffic({ perSecond: 1000 / everyMs, forMs: AFTERNOON_MS, pattern: 'steady' }, async () => {
    for (const sku of sim.shuffle(world.settledProducts()).slice(0, prices)) {
      const priceMinor = Math.max(19, world.priceOf(sku) + sim.pick([-20, -10, 10, 30]))
      await world.writePrice(sku, priceMinor, () => world.store.updateOne(sku, { set: { price: priceMinor / 100, updatedAt: Date.now() } }))
    }
  })
}

// Stated in stage 2 brief: "every product page right at every moment, pricing-sync's prices included"
scenario(
  'pricing-sync updates supplier prices while the change rolls out',
  {
    stage: 2,
    seed: 53,
    settleMs: SETTLE_MS,
    thresholds: {
      wrongPricesServed: { atMost: 0 },
      failedRequests: { atMost: 0 },
      docsWithWrongCents: { atMost: 0 },
      releasesNotRolledOut: { atMost: 0 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { forMs: AFTERNOON_MS })
    pricingSync(sim, world, { everyMs: 45_000, prices: 25 })
  },
)

// Stated in stage 2 brief: "every document's cents right at the end, whoever wrote its price last"
scenario(
  'a promotion and a pricing-sync run land in the same minute',
  {
    stage: 2,
    seed: 59,
    settleMs: SETTLE_MS,
    thresholds: {
      wrongPricesServed: { atMost: 0 },
      failedRequests: { atMost: 0 },
      docsWithWrongCents: { atMost: 0 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { forMs: AFTERNOON_MS, promotion: { at: 150_000, count: 120, withinMs: 60_000 } })
    pricingSync(sim, world, { everyMs: 60_000, prices: 40 })
  },
)
