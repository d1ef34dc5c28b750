// Stage 2, six months later: three gateway nodes behind the load balancer (one with its clock
// ahead), an SDK that retries every 429 at once, and a free plan whose keys come and go.
import { scenario } from 'hardmode:sim'
import { PLANS, type Plan } from '../../src/accounts/plans'
import { createWorld, launchCustomers, usesTheApi } from '../visible/tourwise'

const THREE_NODES = [{ name: 'gw-1' }, { name: 'gw-2' }, { name: 'gw-3', skewMs: 2_800 }]
/** Eight workers since the solver pool doubled in August. */
const BIGGER_POOL = { workers: 8, latency: { p50: 80, p99: 400 }, maxQueueMs: 1_500 }
const DEVELOPER: Plan = { name: 'developer', requestsPerMinute: 60, burst: 5 }

// Stated in stage 2 brief: "so consecutive requests of one client land on any of them"
// Stated in stage 2 brief: "for a week its clock ran 2.8 seconds ahead of the others"
// Stated in stage 2 brief: "it retries after 10 to 40 ms, up to three times, and ignores Retry-After"
// Stated in stage 2 brief: "The thresholds stand, per gateway node where they are per node."
// Stated in stage 2 brief: "Redis commands stay at most one per API request, ParcelHub's retries included."
scenario(
  "three gateways, gw-3's clock 2.8 s ahead, and ParcelHub's SDK v4 retrying every 429 at once",
  {
    stage: 2,
    seed: 61,
    thresholds: {
      wellBehavedSuccess: { atLeast: 99.5 },
      wellBehavedP99Ms: { atMost: 1_000 },
      noisyExcessAdmitted: { atMost: 5 },
      noisyPlanServed: { atLeast: 90 },
      limiterP99Ms: { atMost: 10 },
      storeCallsPerRequest: { atMost: 1 },
    },
  },
  (sim) => {
    const forMs = 2 * 60_000
    const world = createWorld(sim, { nodes: THREE_NODES, solver: BIGGER_POOL, sampleUntilMs: forMs })
    launchCustomers(sim, world, forMs)
    for (const name of ['nordlicht', 'cargoflex', 'tandem']) {
      usesTheApi(sim, world, world.addTenant(name, PLANS.business), { perSecond: 2.5, burst: { size: 12, everyMs: 25_000 }, forMs })
    }
    const parcelhub = world.addTenant('parcelhub', PLANS.business, 'noisy')
    usesTheApi(sim, world, parcelhub, { perSecond: 2, forMs })
    // The depot re-sync, now through SDK v4: every 429 is retried after a few ms, up to three times.
    for (const startAt of [20_000, 75_000]) {
      sim.traffic({ perSecond: 80, forMs: 8_000, startAt, pattern: 'steady' }, () => world.send(parcelhub, { retries: 3, retryAfterMs: { min: 10, max: 40 } }))
    }
  },
)

// Stated in stage 2 brief: "In the scenarios, 1,200 Developer keys come and go within two minutes; the limiter's memory per node must stay within 32 KB while they do, and Redis may hold at most 500 of the limiter's keys at a time"
// Stated in stage 2 brief: "Redis commands stay at most one per API request, ParcelHub's retries included."
// Stated in stage 2 brief: "The thresholds stand, per gateway node where they are per node."
scenario(
  'the Developer plan: 1,200 free keys come and go in two minutes',
  {
    stage: 2,
    seed: 67,
    thresholds: {
      wellBehavedSuccess: { atLeast: 99.5 },
      limiterMemoryKb: { atMost: 32 },
      storeKeysPeak: { atMost: 500 },
      limiterP99Ms: { atMost: 10 },
      storeCallsPerRequest: { atMost: 1 },
    },
  },
  (sim) => {
    const forMs = 2 * 60_000
    const world = createWorld(sim, { nodes: THREE_NODES, solver: BIGGER_POOL, sampleEveryMs: 2_000, sampleUntilMs: forMs })
    launchCustomers(sim, world, forMs)
    // Someone signs up, tries a few requests from the docs or a notebook, and never comes back.
    let signups = 0
    sim.traffic({ perSecond: 10, forMs }, async () => {
      const developer = world.addTenant(`dev${++signups}`, DEVELOPER)
      const tries = sim.between(1, 4)
      for (let i = 0; i < tries; i++) {
        if (i > 0) await sim.sleep(sim.between(400, 3_000))
        await world.send(developer)
      }
    })
  },
)
