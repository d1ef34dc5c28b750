// Stage 2, six months later: the search team re-puts every document while sellers keep working,
// and Scout is down for six minutes on a Sunday evening.
import { scenario } from 'hardmode:sim'
import type { Simulation } from 'hardmode:sim'
import { toDocument } from '../../src/search/listingDocument'
import { ScoutUnavailableError, VersionConflictError } from '../../src/search/scout'
import { SETTLE_MS, type World, createWorld } from '../visible/kiosko'

/**
 * The search team's backfill, as their runbook describes it: it reads listings in pages of 200 from
 * the read replica its jobs use (about two seconds behind) and puts each one to Scout with the
 * listing's version, one after the other. A 409 means Scout has a newer copy: the job moves on.
 */
function searchTeamBackfill(sim: Simulation, world: World, { at }: { at: number }) {
  sim.at(at, async () => {
    const { scout } = world.connection()
    const ids = world.listingIds()
    for (let first = 0; first < ids.length; first += 200) {
      const page = world.listings(ids.slice(first, first + 200))
      await sim.sleep(2_000)
      for (const listing of page) {
        try {
          await scout.put(toDocument(listing), { version: listing.version })
        } catch (error) {
          if (!(error instanceof VersionConflictError) && !(error instanceof ScoutUnavailableError)) throw error
        }
      }
    }
  })
}

// Stated in stage 2 brief: "no search copy may ever go back to an older version, whoever writes to Scout"
scenario(
  "the search team re-puts every listing for the new ranking, while sellers work",
  {
    stage: 2,
    seed: 73,
    settleMs: SETTLE_MS,
    thresholds: {
      staleOverwrites: { atMost: 0 },
      divergedListings: { atMost: 0 },
      searchLagP99Ms: { atMost: 10_000 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 500 },
    },
  },
  (sim) => {
    const world = createWorld(sim, { scout: { latency: { p50: 40, p99: 400 }, failures: [{ from: 0, to: 600_000, rate: 0.01, lostReply: 0.5 }] } })
    world.sellers({ perSecond: 2, forMs: 4 * 60_000 })
    searchTeamBackfill(sim, world, { at: 30_000 })
  },
)

// Stated in stage 2 brief: "every change must be in search within a minute of Scout being back, however long it was down"
scenario(
  'Scout is down for six minutes on a Sunday evening',
  {
    stage: 2,
    seed: 97,
    settleMs: SETTLE_MS,
    thresholds: {
      behindAMinuteAfterScoutIsBack: { atMost: 0 },
      divergedListings: { atMost: 0 },
      staleOverwrites: { atMost: 0 },
      successRate: { atLeast: 99.9 },
      p99LatencyMs: { atMost: 500 },
    },
  },
  (sim) => {
    const world = createWorld(sim, {
      scout: {
        latency: { p50: 40, p99: 400 },
        slowdowns: [{ from: 60_000, to: 420_000, latency: { p50: 2_000, p99: 10_000 } }],
        failures: [
          { from: 60_000, to: 420_000, rate: 1, lostReply: 0.1 },
          { from: 0, to: 900_000, rate: 0.01, lostReply: 0.5 },
        ],
      },
    })
    world.sellers({ perSecond: 1.5, forMs: 8 * 60_000 })
    world.countBehindAt(480_000)
  },
)
