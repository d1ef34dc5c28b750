// Stage 2, six months later: the next change of the same kind meets pricing-sync, the
// procurement team's job that writes prices the way v1 did, straight into the store.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, createWorld } from '../visible/greenbasket'

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
    createWorld(sim, { forMs: 8 * 60_000, pricingSync: { everyMs: 45_000, prices: 25 } })
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
    createWorld(sim, { forMs: 8 * 60_000, promotion: { at: 150_000, count: 120, withinMs: 60_000 }, pricingSync: { everyMs: 60_000, prices: 40 } })
  },
)
