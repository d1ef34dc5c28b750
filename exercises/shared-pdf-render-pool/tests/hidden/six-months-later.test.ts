// Stage 2, six months later: an enterprise tenant with a contract and fifty times the volume, and
// a customer that renders its annual statements.
import { scenario } from 'hardmode:sim'
import { SETTLE_MS, createWorld, everyday } from '../visible/quillbill'

const MORNING_MS = 6 * 60_000
/** Long enough for 120 statements rendered one at a time, on one worker, to be done. */
const STATEMENTS_SETTLE_MS = 2 * 60 * 60_000

// Stated in stage 2 brief: "Northwind's documents within a minute (p99)"
scenario(
  "Northwind's first month-end on its contract",
  {
    stage: 2,
    seed: 71,
    settleMs: SETTLE_MS,
    thresholds: {
      worstInteractiveP99Ms: { atMost: 5_000 },
      contractJobsP99Ms: { atMost: 60_000 },
      slowestMonthEndRunMs: { atMost: 600_000 },
      jobsNotRendered: { atMost: 0 },
    },
  },
  (sim) => {
    const world = createWorld(sim)
    everyday(sim, world, MORNING_MS)
    const northwind = world.addTenant('northwind-freight', 'enterprise', { renderShare: 0.4 })
    world.clicks(northwind, { perSecond: 3, forMs: MORNING_MS, pages: [1, 1] })
    world.stream(northwind, { perSecond: 4.5, forMs: MORNING_MS, pages: [1, 3] })
    world.batch(world.addTenant('brightwater', 'business'), { at: 60_000, documents: 2_000 })
    world.batch(world.addTenant('fernhill', 'business'), { at: 60_000, documents: 1_500 })
    world.batch(world.addTenant('oakridge', 'business'), { at: 75_000, documents: 1_500 })
  },
)

// Stated in stage 2 brief: "the interactive PDFs of every tenant within 5 seconds (p99) while statements render"
scenario(
  "Ashgrove Wealth's annual statements, 200 to 1,000 pages each",
  {
    stage: 2,
    seed: 73,
    // The statements are due the next morning: a design that renders them on a single worker
    // (about 75 minutes of rendering) must have the time to finish them before it is measured.
    settleMs: STATEMENTS_SETTLE_MS,
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
    const ashgrove = world.addTenant('ashgrove-wealth', 'business')
    world.batch(ashgrove, { at: 20_000, documents: 120, pages: [200, 1_000], what: 'statements' })
    world.clicks(ashgrove, { perSecond: 0.2, forMs: MORNING_MS })
    world.batch(world.addTenant('brightwater', 'business'), { at: 150_000, documents: 2_000 })
  },
)
