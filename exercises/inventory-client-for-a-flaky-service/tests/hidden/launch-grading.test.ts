// Stage 1, graded: the same launch, on an evening the visible scenarios do not show.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, checkoutPods, checkoutRequest, createStockroom, measureStockroom, storefrontCheckout } from '../visible/world'

const BAD_BUILD = { from: 60_000, to: 135_000 }

// Stated in stage 1 brief: "among them a February-3rd-style deploy during a newsletter"
// Stated in stage 1 brief: "85 % in a brownout, 65 % when Stockroom is down"
// Stated in stage 1 brief: "1 s on an ordinary evening, 2.5 s on a bad one"
// Stated in stage 1 brief: "duplicate reservations | none"
// Stated in stage 1 brief: "while Stockroom is down, at most 0.75"
scenario(
  'the newsletter goes out, and Stockroom deploys a bad build',
  {
    stage: 1,
    seed: 31,
    settleMs: SETTLE_MS,
    thresholds: {
      successRate: { atLeast: 65 },
      p99LatencyMs: { atMost: 2_500 },
      duplicateSideEffects: { atMost: 0 },
      callsPerCheckoutInIncident: { atMost: 0.75 },
    },
  },
  (sim) => {
    const world = createStockroom(sim, {
      workers: 48,
      latency: { p50: 45, p99: 350 },
      lostReply: 0.005,
      // As on February 3rd: the new build deadlocks on its database connections until it is rolled back, 75 s later.
      trouble: [{ ...BAD_BUILD, unavailable: 0.4, hang: 0.6, hangReserves: 0.2 }],
    })
    const pods = checkoutPods(world, 3)
    const arrivals: number[] = []
    measureStockroom(sim, world, arrivals, BAD_BUILD)
    // The newsletter triples the evening peak for five minutes.
    sim.traffic({ perSecond: 6, forMs: 5 * 60_000 }, ({ index, at }) => {
      arrivals.push(at)
      return storefrontCheckout(sim, pods, checkoutRequest(sim, world, `chk_${index}`))
    })
  },
)
