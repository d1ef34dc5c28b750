import { type Flag, flagOf, isCritical } from '../alerts/limits'
import { type Bed } from '../alerts/pager'
import { type ResultStore } from '../results/resultStore'

export type BoardCell = { test: string; shown: string; flag: Flag | null; status: string }

export type BoardRow = { bed: number; patientId: string; results: BoardCell[]; critical: string[] }

/** The ward's night board: one row per occupied bed with the latest result of each test. */
export function wardBoard(ward: string, beds: Map<string, Bed>, store: ResultStore): BoardRow[] {
  const rows: BoardRow[] = []
  for (const [patientId, bed] of beds) {
    if (bed.ward !== ward) continue
    const results = store.latestFor(patientId).map((result) => {
      const flag = flagOf(result)
      let shown: string
      if (result.status === 'X') shown = 'cancelled'
      else if (result.value === null) shown = 'pending'
      else shown = `${result.value} ${result.unit}`
      return { test: result.test, shown, flag, status: result.status }
    })
    const critical = results.filter((cell) => isCritical(cell.flag)).map((cell) => `${cell.test} ${cell.shown}`)
    rows.push({ bed: bed.bed, patientId, results, critical })
  }
  return rows.sort((a, b) => a.bed - b.bed)
}
