// Stage 2, six months later: parcel-scans grows to 24 partitions in the middle of the evening
// peak, and Notify's SMS provider goes down for four minutes.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, createWorld } from '../visible/lanebird'

const NOTIFY = { latency: { p50: 150, p99: 1_200 }, failures: [{ from: 0, to: 3_600_000, rate: 0.005 }] }

// Stated in stage 2 brief: "the tracking page never going back to an older scan and showing every parcel's latest scan at the end, messages as before"
scenario(
  'parcel-scans grows from 6 to 24 partitions during the evening peak',
  {
    stage: 2,
    seed: 43,
    settleMs: SETTLE_MS,
    thresholds: {
      duplicateSideEffects: { atMost: 0 },
      missingSideEffects: { atMost: 0 },
      staleNotifications: { atMost: 0 },
      trackingRegressions: { atMost: 0 },
      staleParcelsAtEnd: { atMost: 0 },
      poisonNotDeadLettered: { atMost: 0 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      notify: NOTIFY,
      // From 18:40:00 (here 120 s in) new scans go to 24 partitions; the group had stalled on the old six for a minute and a half.
      partitions: 24,
      partitionFor: (_parcelId, hash, now) => hash % (now >= 120_000 ? 24 : 6),
      stalls: [{ partitions: [0, 1, 2, 3, 4, 5], from: 60_000, to: 150_000 }],
      poison: [{ at: 100_000, kind: 'truncated' }],
      rebalanceAt: [200_000],
    })
    world.parcelsArrive({ perSecond: 1.2, forMs: 180_000 })
  },
)

// Stated in stage 2 brief: "the tracking page within 10 s of a scan (p99) while Notify is down too"
scenario(
  "Notify's SMS provider is down for four minutes",
  {
    stage: 2,
    seed: 47,
    settleMs: SETTLE_MS,
    thresholds: {
      duplicateSideEffects: { atMost: 0 },
      missingSideEffects: { atMost: 0 },
      staleNotifications: { atMost: 0 },
      trackingRegressions: { atMost: 0 },
      staleParcelsAtEnd: { atMost: 0 },
      trackingLagP99Ms: { atMost: 10_000 },
      healthyDeadLettered: { atMost: 0 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      notify: { latency: { p50: 150, p99: 1_200 }, failures: [{ from: 90_000, to: 330_000, rate: 1 }] },
      rebalanceAt: [150_000],
    })
    world.parcelsArrive({ perSecond: 0.8, forMs: 180_000 })
  },
)
