// Stage 1, the launch: a month-end run at the start of the day, and an integration that runs away.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, createWorld, everyday } from './quillbill'

const MORNING_MS = 6 * 60_000

scenario(
  "month-end: Brightwater's ERP submits 6,000 invoices at once",
  {
    stage: 1,
    seed: 3,
    settleMs: SETTLE_MS,
    thresholds: {
      worstInteractiveP99Ms: { atMost: 5_000 },
      slowestSmallRunMs: { atMost: 180_000 },
      slowestMonthEndRunMs: { atMost: 600_000 },
      jobsNotRendered: { atMost: 0 },
    },
  },
  (sim) => {
    const world = createWorld(sim)
    everyday(sim, world, MORNING_MS)
    const brightwater = world.addTenant('brightwater', 'business')
    world.batch(brightwater, { at: 30_000, documents: 6_000 })
    world.batch(world.addTenant('fernhill', 'business'), { at: 90_000, documents: 400 })
  },
)

scenario(
  "Kettle & Co's integration asks for every PDF again and again",
  {
    stage: 1,
    seed: 9,
    settleMs: SETTLE_MS,
    thresholds: {
      worstInteractiveP99Ms: { atMost: 5_000 },
      slowestSmallRunMs: { atMost: 180_000 },
      jobsNotRendered: { atMost: 0 },
    },
  },
  (sim) => {
    const world = createWorld(sim)
    everyday(sim, world, MORNING_MS)
    // A sync loop in their accounting integration: every invoice it touches, it asks to render now.
    const kettle = world.addTenant('kettle-co', 'starter', { behaviour: 'runaway' })
    world.clicks(kettle, { perSecond: 30, forMs: 120_000, startAt: 60_000 })
  },
)
