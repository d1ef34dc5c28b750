import { type Bed, WardPager } from './alerts/pager'
import { createIntake } from './lis/intake'
import { EventLog } from './log'
import { ResultStore } from './results/resultStore'
import { wardBoard } from './ward/board'

/** Wires the result intake for a set of occupied beds, as the ward server does. */
export function createResultService(occupancy: Record<string, Bed>) {
  const beds = new Map(Object.entries(occupancy))
  const log = new EventLog()
  const store = new ResultStore()
  const pager = new WardPager(beds)
  const intake = createIntake(store, pager, log)
  return {
    receive: intake.receive,
    errorQueue: intake.errorQueue,
    pages: pager.sent,
    log,
    board: (ward: string) => wardBoard(ward, beds, store),
    trend: (patientId: string, test: string) => store.trend(patientId, test),
  }
}
