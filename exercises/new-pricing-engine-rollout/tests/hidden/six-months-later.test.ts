// Stage 2, six months later: quoter prices 40 % of customers on eight pods, Flagpole goes down for
// minutes, and quoter has to be switched off while Flagpole limps.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, createWorld } from '../visible/greenbasket'

// Stated in stage 2 brief: "Whatever Flagpole does, a visit is priced by one engine from the basket to the checkout, and quoter keeps its share of customers, within 3 points of the rollout."
scenario(
  "Flagpole's outage: three minutes of 503s and of requests that hang",
  {
    stage: 2,
    seed: 71,
    settleMs: SETTLE_MS,
    thresholds: {
      engineSwitches: { atMost: 0 },
      rolloutDeviation: { atMost: 3 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 400 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      flagpole: {
        latency: { p50: 30, p99: 250 },
        slowdowns: [{ from: 40_000, to: 220_000, latency: { p50: 2_000, p99: 30_000 } }],
        failures: [{ from: 40_000, to: 220_000, rate: 1 }],
      },
      pods: 8,
      rollout: { enabled: true, rolloutPercent: 40 },
    })
    world.customers({ perSecond: 4, forMs: 4 * 60_000 })
  },
)

// Stated in stage 2 brief: "The rule stands, Flagpole limping or not: no quote by quoter more than 10 s after the flag is switched off, on any pod."
scenario(
  'quoter must be switched off while Flagpole limps',
  {
    stage: 2,
    seed: 89,
    settleMs: SETTLE_MS,
    thresholds: {
      quoterAfterSwitchOff: { atMost: 0 },
      engineSwitches: { atMost: 0 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 400 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      flagpole: {
        latency: { p50: 30, p99: 250 },
        slowdowns: [{ from: 30_000, to: 240_000, latency: { p50: 400, p99: 2_000 } }],
        failures: [{ from: 30_000, to: 240_000, rate: 0.25 }],
      },
      pods: 8,
      rollout: { enabled: true, rolloutPercent: 40 },
    })
    world.customers({ perSecond: 4, forMs: 4 * 60_000 })
    world.quoterBreaksAt(90_000)
    world.editFlagAt(120_000, { enabled: false })
  },
)
