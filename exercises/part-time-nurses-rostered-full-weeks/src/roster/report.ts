import type { Nurse } from '../staff/nurses'
import type { Roster } from './roster'
import { paidHours, rosterWeekOf } from './shifts'

export interface WeekLine {
  nurseId: string
  name: string
  shifts: number
  nights: number
  paidHours: number
}

/** The weekly roster summary ward managers sign off and HR's payroll export reads. */
export function weekSummary(roster: Roster, nurses: Nurse[], monday: string): WeekLine[] {
  return nurses
    .map((nurse) => {
      const shifts = roster.forNurse(nurse.id).filter((shift) => rosterWeekOf(shift) === monday)
      return {
        nurseId: nurse.id,
        name: nurse.name,
        shifts: shifts.length,
        nights: shifts.filter((shift) => shift.kind === 'night').length,
        paidHours: shifts.reduce((sum, shift) => sum + paidHours(shift), 0),
      }
    })
    .sort((a, b) => a.nurseId.localeCompare(b.nurseId))
}
