// Stage 1, the launch: the app's first evening with the ERP's repricer running, and
// PriceHub's hourly repricing run.
import { scenario } from 'hardmode:sim'
import { appTraffic, createWorld, repricer } from './storefront'

scenario(
  'launch evening: the app goes live while the repricer follows competitors',
  {
    stage: 1,
    seed: 17,
    thresholds: {
      successRate: { atLeast: 99.5 },
      p99LatencyMs: { atMost: 1_000 },
      staleReads: { atMost: 0 },
      outdatedReads: { atMost: 1 },
      dependencyCalls: { atMost: 1_200 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { priceHub: { latency: { p50: 120, p99: 900 } } })
    world.startNodes(['bff-1'])
    appTraffic(world, sim, { homeOpensPerSecond: 6, productViewsPerSecond: 16, forMs: 100_000 })
    repricer(world, sim, { perSecond: 0.5, forMs: 100_000 })
  },
)

scenario(
  "PriceHub's hourly repricing run: seventy slow seconds, and prices change by the hundred",
  {
    stage: 1,
    seed: 29,
    thresholds: {
      successRate: { atLeast: 97 },
      homeScreenP99Ms: { atMost: 500 },
      staleReads: { atMost: 0 },
      outdatedReads: { atMost: 3 },
      dependencyCalls: { atMost: 1_320 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      priceHub: {
        latency: { p50: 120, p99: 900 },
        slowdowns: [{ from: 20_000, to: 90_000, latency: { p50: 1_200, p99: 5_000 } }],
        failures: [{ from: 20_000, to: 90_000, rate: 0.05 }],
      },
    })
    world.startNodes(['bff-1'])
    appTraffic(world, sim, { homeOpensPerSecond: 6, productViewsPerSecond: 16, forMs: 110_000 })
    repricer(world, sim, { perSecond: 0.5, forMs: 20_000 })
    repricer(world, sim, { perSecond: 3, forMs: 70_000, startAt: 20_000, featuredShare: 0.05 })
    repricer(world, sim, { perSecond: 0.5, forMs: 20_000, startAt: 90_000 })
  },
)
