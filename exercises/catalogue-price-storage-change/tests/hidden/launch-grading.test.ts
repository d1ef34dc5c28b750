// Stage 1, graded: the same change, on days the visible scenario does not show.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, createWorld } from '../visible/greenbasket'

// Stated in README.md: "Merchandisers change prices all day, and a promotion going live means dozens of changes within a minute"
scenario(
  'a promotion goes live while the first release rolls out',
  {
    stage: 1,
    seed: 17,
    settleMs: SETTLE_MS,
    thresholds: {
      wrongPricesServed: { atMost: 0 },
      failedRequests: { atMost: 0 },
      docsWithWrongCents: { atMost: 0 },
      docsWithFloatPrice: { atMost: 0 },
      releasesNotRolledOut: { atMost: 0 },
    },
  },
  (sim) => {
    createWorld(sim, { forMs: 8 * 60_000, promotion: { at: 40_000, count: 150, withinMs: 60_000 } })
  },
)

// Stated in README.md: "no product page may show a wrong price or fail, at any moment of the change"
scenario(
  'a busy listing day: new products all afternoon',
  {
    stage: 1,
    seed: 19,
    settleMs: SETTLE_MS,
    thresholds: {
      wrongPricesServed: { atMost: 0 },
      failedRequests: { atMost: 0 },
      docsWithWrongCents: { atMost: 0 },
      docsWithFloatPrice: { atMost: 0 },
    },
  },
  (sim) => {
    createWorld(sim, { forMs: 8 * 60_000, deployAt: 60_000, listingsPerSecond: 0.5, readsPerSecond: 6 })
  },
)
