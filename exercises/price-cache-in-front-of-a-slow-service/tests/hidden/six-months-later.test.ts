// Stage 2, six months later: Black Friday. A second BFF node, the new event bus (at least
// once, unordered, consumers that stall in a rebalance), and doorbuster prices that go live
// with a push notification.
import { scenario } from 'hardmode:sim'
import { appTraffic, createWorld, repricer } from '../visible/storefront'

const NEW_BUS = { delay: { p50: 150, p99: 3_000 }, duplicateRate: 0.1, duplicateWithinMs: 10_000 }

// Stated in stage 2 brief: "At 20:00 on Black Friday the four home-screen products drop to their doorbuster prices"
// Stated in stage 2 brief: "The pricing rule stands: no price shown more than 60 seconds after it changed, on any node, whatever the bus does."
// Stated in stage 2 brief: "PriceHub's budget stands too: 12 calls a second on average for storefront-bff, both nodes together."
// Stated in stage 2 brief: "During the doorbuster rush the checkout team accepts "price changed" on at most 4 % of the prices shown, and operations want 99 % of price requests answered and the home screen's p99 under 500 ms"
scenario(
  'Black Friday, 20:00: the doorbusters go live on two nodes',
  {
    stage: 2,
    seed: 97,
    thresholds: {
      successRate: { atLeast: 99 },
      homeScreenP99Ms: { atMost: 500 },
      staleReads: { atMost: 0 },
      outdatedReads: { atMost: 4 },
      dependencyCalls: { atMost: 1_200 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      priceHub: {
        latency: { p50: 250, p99: 1_800 },
        slowdowns: [{ from: 40_000, to: 75_000, latency: { p50: 800, p99: 4_000 } }],
        failures: [{ from: 40_000, to: 75_000, rate: 0.05 }],
      },
      events: NEW_BUS,
    })
    world.startNodes(['bff-1', 'bff-2'])
    appTraffic(world, sim, { homeOpensPerSecond: 5, productViewsPerSecond: 16, forMs: 100_000 })
    repricer(world, sim, { perSecond: 1, forMs: 100_000, featuredShare: 0.05 })
    sim.at(40_000, () => {
      for (const sku of world.skus.featured) world.changePrice(sku, { amountCents: 4_999, wasCents: 12_999 })
    })
    // The push notification: 1,200 app opens in 12 seconds, twenty times the evening's rate.
    sim.burst({ count: 1_200, at: 40_000, withinMs: 12_000 }, () => {
      const node = world.pickNode()
      return Promise.all(world.skus.featured.map((sku) => world.appRequest(node, sku)))
    })
  },
)

// Stated in stage 2 brief: "During a rebalance a consumer's partitions stall until it has rejoined"
// Stated in stage 2 brief: "The pricing rule stands: no price shown more than 60 seconds after it changed, on any node, whatever the bus does."
// Stated in stage 2 brief: "PriceHub's budget stands too: 12 calls a second on average for storefront-bff, both nodes together."
// Stated in stage 2 brief: "on an evening with a stalled consumer, 8 % and 99.5 %"
scenario(
  "the week before: two nodes, and bff-2's consumer stalls in a rebalance",
  {
    stage: 2,
    seed: 101,
    thresholds: {
      successRate: { atLeast: 99.5 },
      staleReads: { atMost: 0 },
      outdatedReads: { atMost: 8 },
      dependencyCalls: { atMost: 1_200 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      priceHub: { latency: { p50: 120, p99: 900 } },
      events: { ...NEW_BUS, stalls: [{ node: 'bff-2', from: 20_000, to: 90_000 }] },
    })
    world.startNodes(['bff-1', 'bff-2'])
    appTraffic(world, sim, { homeOpensPerSecond: 6, productViewsPerSecond: 16, forMs: 100_000 })
    repricer(world, sim, { perSecond: 0.5, forMs: 100_000 })
  },
)
