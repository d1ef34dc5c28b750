// Stage 1, the launch: one gateway node, an ordinary day, and a customer's sync job that runs away.
import { scenario } from 'hardmode:sim'
import { PLANS } from '../../src/accounts/plans'
import { createWorld, launchCustomers, usesTheApi } from './tourwise'

scenario(
  "ParcelHub's sync job runs away: 100 requests a second, twice",
  {
    stage: 1,
    seed: 29,
    thresholds: {
      wellBehavedSuccess: { atLeast: 99.5 },
      wellBehavedP99Ms: { atMost: 1_000 },
      noisyExcessAdmitted: { atMost: 5 },
      noisyPlanServed: { atLeast: 90 },
      limiterP99Ms: { atMost: 10 },
    },
  },
  (sim) => {
    const forMs = 2 * 60_000
    const world = createWorld(sim, { sampleUntilMs: forMs })
    launchCustomers(sim, world, forMs)
    const parcelhub = world.addTenant('parcelhub', PLANS.business, 'noisy')
    usesTheApi(sim, world, parcelhub, { perSecond: 2, forMs })
    // The job re-syncs every depot's tours as fast as its 100 workers can send them.
    for (const startAt of [20_000, 56_000]) {
      sim.traffic({ perSecond: 100, forMs: 8_000, startAt, pattern: 'steady' }, () => world.send(parcelhub))
    }
  },
)

scenario(
  'an ordinary Tuesday: dispatch apps load in bursts',
  {
    stage: 1,
    seed: 17,
    thresholds: {
      wellBehavedSuccess: { atLeast: 99.5 },
      limiterP99Ms: { atMost: 10 },
      limiterMemoryKb: { atMost: 32 },
      storeCallsPerRequest: { atMost: 1 },
    },
  },
  (sim) => {
    const forMs = 2 * 60_000
    const world = createWorld(sim, { sampleUntilMs: forMs })
    launchCustomers(sim, world, forMs)
    const parcelhub = world.addTenant('parcelhub', PLANS.business)
    usesTheApi(sim, world, parcelhub, { perSecond: 2, burst: { size: 10, everyMs: 30_000 }, forMs })
  },
)
