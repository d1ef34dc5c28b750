// Stage 1, the launch: quoter prices one customer in ten, on an ordinary evening and on the
// evening it breaks.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, createWorld } from './greenbasket'

scenario(
  'an ordinary evening: quoter prices one customer in ten',
  {
    stage: 1,
    seed: 13,
    settleMs: SETTLE_MS,
    thresholds: {
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 400 },
      engineSwitches: { atMost: 0 },
      rolloutDeviation: { atMost: 3 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { flagpole: { latency: { p50: 30, p99: 250 } }, pods: 6, rollout: { enabled: true, rolloutPercent: 10 } })
    world.customers({ perSecond: 4, forMs: 4 * 60_000 })
  },
)

scenario(
  'quoter starts double-counting coupons, and on-call switches it off',
  {
    stage: 1,
    seed: 19,
    settleMs: SETTLE_MS,
    thresholds: {
      quoterAfterSwitchOff: { atMost: 0 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 400 },
      engineSwitches: { atMost: 0 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { flagpole: { latency: { p50: 30, p99: 250 } }, pods: 6, rollout: { enabled: true, rolloutPercent: 10 } })
    world.customers({ perSecond: 4, forMs: 4 * 60_000 })
    world.quoterBreaksAt(60_000)
    // The alert fires, on-call reads the dashboard and switches the flag off in Flagpole's console.
    world.editFlagAt(100_000, { enabled: false })
  },
)
