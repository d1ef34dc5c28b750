// Stage 2, six months later: the analytics export reads from replica-2 during office hours and
// holds up its replay for up to 45 s at a time, and people keep the invoice list open.
import { scenario } from 'hardmode:sim'
import type { Simulation } from 'hardmode:sim'
import { MONTH_END_LAG, ORDINARY_LAG, SETTLE_MS, type Window, type World, createWorld } from '../visible/quillbooks'

/** The export's queries: each holds up replica-2's replay for 45 s (max_standby_streaming_delay), with a few seconds between them. */
function exportRuns(from: number, to: number): Window[] {
  const stalls: Window[] = []
  for (let at = from; at + 45_000 <= to; at += 48_000) stalls.push({ from: at, to: at + 45_000 })
  return stalls
}

/** Pages that showed a person something older than a page they had been shown before. */
function measureTimeTravel(sim: Simulation, world: World) {
  const seen = new Map<string, Map<string, number>>()
  let pages = 0
  world.observePages((page) => {
    const versions = seen.get(page.user) ?? new Map<string, number>()
    seen.set(page.user, versions)
    const shown = new Map(page.rows.map((row) => [row.id, row.version]))
    const checked = page.kind === 'list' ? [...versions.keys()] : page.missing ? [page.missing] : [...shown.keys()]
    if (checked.some((id) => versions.has(id) && (shown.get(id) ?? 0) < (versions.get(id) as number))) pages++
    for (const [id, version] of shown) versions.set(id, Math.max(version, versions.get(id) ?? 0))
  })
  sim.metric('timeTravel', { label: 'Pages older than a page the person had seen before', unit: 'pages', value: () => pages })
}

// Stated in stage 2 brief: "Quillbooks must never show a person older data than a page they were shown before"
scenario(
  'an ordinary morning while the analytics export runs on replica-2',
  {
    stage: 2,
    seed: 67,
    settleMs: SETTLE_MS,
    thresholds: {
      ownWritesMissing: { atMost: 0 },
      timeTravel: { atMost: 0 },
      primaryReadShare: { atMost: 30 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 300 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { replicas: [{ lag: ORDINARY_LAG }, { lag: ORDINARY_LAG, stalls: exportRuns(20_000, 230_000) }] })
    measureTimeTravel(sim, world)
    world.people({ perSecond: 0.4, forMs: 4 * 60_000, thinkMs: [1_000, 4_000] })
  },
)

// Stated in stage 2 brief: "Their own saves must still show on the next page, whatever the replicas are doing."
scenario(
  'month-end with the export running, and replica-1 held up by a vacuum',
  {
    stage: 2,
    seed: 79,
    settleMs: SETTLE_MS,
    thresholds: {
      ownWritesMissing: { atMost: 0 },
      timeTravel: { atMost: 0 },
      primaryReadShare: { atMost: 40 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 300 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      replicas: [
        { lag: MONTH_END_LAG, stalls: [{ from: 150_000, to: 170_000 }] },
        { lag: MONTH_END_LAG, stalls: exportRuns(30_000, 240_000) },
      ],
    })
    measureTimeTravel(sim, world)
    world.people({ perSecond: 0.6, forMs: 4 * 60_000, thinkMs: [800, 4_000], creates: 0.08, edits: 0.14 })
  },
)
