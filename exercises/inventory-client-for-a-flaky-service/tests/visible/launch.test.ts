// Stage 1, the launch: an ordinary evening peak, and Stockroom's kind of bad two minutes.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, checkoutPods, checkoutRequest, createStockroom, measureStockroom, storefrontCheckout } from './world'

scenario(
  'an ordinary evening peak',
  {
    stage: 1,
    seed: 7,
    settleMs: SETTLE_MS,
    thresholds: {
      successRate: { atLeast: 99.5 },
      p99LatencyMs: { atMost: 1_000 },
      duplicateSideEffects: { atMost: 0 },
      callsPerCheckout: { atMost: 1.05 },
    },
  },
  (sim) => {
    // Now and then a connection is reset after Stockroom reserved, before its answer arrived.
    const world = createStockroom(sim, { workers: 48, latency: { p50: 45, p99: 350 }, lostReply: 0.005 })
    const pods = checkoutPods(world, 3)
    const arrivals: number[] = []
    measureStockroom(sim, world, arrivals)
    sim.traffic({ perSecond: 2, forMs: 4 * 60_000 }, ({ index, at }) => {
      arrivals.push(at)
      return storefrontCheckout(sim, pods, checkoutRequest(sim, world, `chk_${index}`))
    })
  },
)

scenario(
  'Stockroom has a bad two minutes',
  {
    stage: 1,
    seed: 19,
    settleMs: SETTLE_MS,
    thresholds: {
      successRate: { atLeast: 85 },
      p99LatencyMs: { atMost: 2_500 },
      duplicateSideEffects: { atMost: 0 },
      callsPerCheckout: { atMost: 1.4 },
    },
  },
  (sim) => {
    const world = createStockroom(sim, {
      workers: 48,
      latency: { p50: 45, p99: 350 },
      lostReply: 0.005,
      // A database failover on the warehouse side, as on January 14th: slow, failing, some requests stuck.
      trouble: [{ from: 60_000, to: 180_000, latency: { p50: 400, p99: 4_000 }, unavailable: 0.15, hang: 0.02, hangReserves: 0.5, lostReply: 0.02 }],
    })
    const pods = checkoutPods(world, 3)
    const arrivals: number[] = []
    measureStockroom(sim, world, arrivals)
    sim.traffic({ perSecond: 2, forMs: 5 * 60_000 }, ({ index, at }) => {
      arrivals.push(at)
      return storefrontCheckout(sim, pods, checkoutRequest(sim, world, `chk_${index}`))
    })
  },
)
