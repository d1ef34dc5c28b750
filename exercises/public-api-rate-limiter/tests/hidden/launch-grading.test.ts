// Stage 1, graded: the same launch, on days the visible scenarios do not show.
import { scenario } from 'hardmode:sim'
import { PLANS } from '../../src/accounts/plans'
import { createWorld, launchCustomers, usesTheApi } from '../visible/tourwise'

// Stated in README.md: "a noisy one's client sends more than its plan allows"
// Stated in stage 1 brief: "a customer whose client sends too much gets its plan and no more, whatever its traffic looks like"
// Stated in stage 1 brief: "well-behaved customers: requests answered | at least 99.5 %"
// Stated in stage 1 brief: "noisy customers: requests over their plan that reached the solvers | at most 5 %"
// Stated in stage 1 brief: "noisy customers: share of their plan they still got | at least 90 %"
// Stated in stage 1 brief: "latency the limiter adds, p99 | at most 10 ms"
scenario(
  "a new integration runs just over its plan and retries every 429 at once",
  {
    stage: 1,
    seed: 37,
    thresholds: {
      wellBehavedSuccess: { atLeast: 99.5 },
      noisyExcessAdmitted: { atMost: 5 },
      noisyPlanServed: { atLeast: 90 },
      limiterP99Ms: { atMost: 10 },
    },
  },
  (sim) => {
    const forMs = 2 * 60_000
    const world = createWorld(sim, { sampleUntilMs: forMs })
    launchCustomers(sim, world, forMs)
    const parcelhub = world.addTenant('parcelhub', PLANS.business)
    usesTheApi(sim, world, parcelhub, { perSecond: 2, forMs })
    // Hoftour's new app polls for route updates a little faster than its Starter plan allows
    // (2 a second), and its HTTP client retries a 429 after a few ms, up to three times.
    const hoftour = world.addTenant('hoftour', PLANS.starter, 'noisy')
    sim.traffic({ perSecond: 2.6, forMs }, () => world.send(hoftour, { retries: 3, retryAfterMs: { min: 5, max: 30 } }))
  },
)

// Stated in README.md: "a request is within the plan if the key's requests up to that moment keep to the burst and the rate"
// Stated in stage 1 brief: "a customer whose client sends too much gets its plan and no more, whatever its traffic looks like"
// Stated in stage 1 brief: "well-behaved customers: requests answered | at least 99.5 %"
// Stated in stage 1 brief: "well-behaved customers: response time p99, while someone is noisy | at most 1 s"
// Stated in stage 1 brief: "noisy customers: requests over their plan that reached the solvers | at most 5 %"
// Stated in stage 1 brief: "noisy customers: share of their plan they still got | at least 90 %"
scenario(
  'two cron jobs fire at the top of the minute',
  {
    stage: 1,
    seed: 43,
    thresholds: {
      wellBehavedSuccess: { atLeast: 99.5 },
      wellBehavedP99Ms: { atMost: 1_000 },
      noisyExcessAdmitted: { atMost: 5 },
      noisyPlanServed: { atLeast: 90 },
    },
  },
  (sim) => {
    const forMs = 2 * 60_000
    const world = createWorld(sim, { sampleUntilMs: forMs })
    launchCustomers(sim, world, forMs)
    const parcelhub = world.addTenant('parcelhub', PLANS.business, 'noisy')
    const pakkoCron = world.addTenant('pakko', PLANS.starter, 'noisy', 'tw_live_pakko_cron')
    usesTheApi(sim, world, parcelhub, { perSecond: 2, forMs })
    // Both were scheduled for every hour on the hour, and both hosts' clocks run half a second early.
    sim.burst({ count: 500, at: 59_500, withinMs: 1_200 }, () => world.send(parcelhub))
    sim.burst({ count: 150, at: 59_700, withinMs: 800 }, () => world.send(pakkoCron))
  },
)
