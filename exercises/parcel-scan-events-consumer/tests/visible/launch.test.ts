// Stage 1, the launch: an ordinary evening with two deploys, and an evening with unreadable scans.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, createWorld } from './lanebird'

/** Notify on an ordinary evening: one call in 200 fails. */
const NOTIFY = { latency: { p50: 150, p99: 1_200 }, failures: [{ from: 0, to: 3_600_000, rate: 0.005 }] }

scenario(
  'an ordinary evening: two deploys rebalance the group',
  {
    stage: 1,
    seed: 7,
    settleMs: SETTLE_MS,
    thresholds: {
      duplicateSideEffects: { atMost: 0 },
      missingSideEffects: { atMost: 0 },
      staleNotifications: { atMost: 0 },
      notificationDelayP99Ms: { atMost: 30_000 },
      trackingRegressions: { atMost: 0 },
      staleParcelsAtEnd: { atMost: 0 },
      trackingLagP99Ms: { atMost: 10_000 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { notify: NOTIFY, rebalanceAt: [95_000, 210_000] })
    world.parcelsArrive({ perSecond: 0.8, forMs: 150_000 })
  },
)

scenario(
  'a scanner firmware bug sends unreadable scans',
  {
    stage: 1,
    seed: 13,
    settleMs: SETTLE_MS,
    thresholds: {
      duplicateSideEffects: { atMost: 0 },
      missingSideEffects: { atMost: 0 },
      trackingLagP99Ms: { atMost: 10_000 },
      staleParcelsAtEnd: { atMost: 0 },
      poisonNotDeadLettered: { atMost: 0 },
      healthyDeadLettered: { atMost: 0 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      notify: NOTIFY,
      poison: [
        { at: 50_000, kind: 'truncated' },
        { at: 110_000, kind: 'unknown-status' },
        { at: 140_000, kind: 'truncated' },
      ],
    })
    world.parcelsArrive({ perSecond: 0.8, forMs: 150_000 })
  },
)
