// Stage 1, the launch: sellers' changes reach Scout on an ordinary afternoon and on one of
// Scout's bad afternoons.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, createWorld } from './kiosko'

scenario(
  'an ordinary afternoon',
  {
    stage: 1,
    seed: 5,
    settleMs: SETTLE_MS,
    thresholds: {
      divergedListings: { atMost: 0 },
      staleOverwrites: { atMost: 0 },
      searchLagP99Ms: { atMost: 10_000 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 500 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { scout: { latency: { p50: 40, p99: 400 }, failures: [{ from: 0, to: 600_000, rate: 0.01, lostReply: 0.5 }] } })
    world.sellers({ perSecond: 2, forMs: 4 * 60_000 })
  },
)

scenario(
  'Scout has a bad five minutes',
  {
    stage: 1,
    seed: 17,
    settleMs: SETTLE_MS,
    thresholds: {
      divergedListings: { atMost: 0 },
      staleOverwrites: { atMost: 0 },
      searchLagP99Ms: { atMost: 30_000 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 500 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      scout: {
        latency: { p50: 40, p99: 400 },
        slowdowns: [{ from: 30_000, to: 330_000, latency: { p50: 600, p99: 3_000 } }],
        failures: [{ from: 30_000, to: 330_000, rate: 0.3, lostReply: 0.5 }],
      },
    })
    world.sellers({ perSecond: 2, forMs: 6 * 60_000 })
  },
)
