// Stage 1: the change rolls out on an ordinary weekday, with the storefront busy and
// merchandisers at work.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, createWorld } from './greenbasket'

scenario(
  'the change rolls out on a Tuesday afternoon',
  {
    stage: 1,
    seed: 5,
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
    createWorld(sim, { forMs: 8 * 60_000 })
  },
)
