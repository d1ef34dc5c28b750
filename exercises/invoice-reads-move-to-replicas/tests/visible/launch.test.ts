// Stage 1, the launch: reads move to the two replicas on an ordinary morning and on the first
// working day of the month.
import { scenario } from 'hardmode:sim'
import { MONTH_END_LAG, ORDINARY_LAG, SETTLE_MS, createWorld } from './quillbooks'

scenario(
  'an ordinary Tuesday morning',
  {
    stage: 1,
    seed: 7,
    settleMs: SETTLE_MS,
    thresholds: {
      ownWritesMissing: { atMost: 0 },
      primaryReadShare: { atMost: 30 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 300 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { replicas: [{ lag: ORDINARY_LAG }, { lag: ORDINARY_LAG }] })
    world.people({ perSecond: 0.4, forMs: 4 * 60_000 })
  },
)

scenario(
  'the first working day of the month: everybody invoices at once',
  {
    stage: 1,
    seed: 23,
    settleMs: SETTLE_MS,
    thresholds: {
      ownWritesMissing: { atMost: 0 },
      primaryReadShare: { atMost: 40 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 300 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { replicas: [{ lag: MONTH_END_LAG }, { lag: MONTH_END_LAG }] })
    world.people({ perSecond: 0.6, forMs: 4 * 60_000, thinkMs: [800, 4_000], creates: 0.08, edits: 0.14 })
  },
)
