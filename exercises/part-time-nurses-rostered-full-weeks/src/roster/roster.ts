import type { Shift } from './shifts'
import { paidHours, rosterWeekOf } from './shifts'

export interface Assignment {
  shift: Shift
  nurseId: string
  /** 'planner' for the automatic fill, otherwise the ward manager who assigned it. */
  by: string
}

/** The assignments of one or more roster weeks. */
export class Roster {
  private readonly assignments: Assignment[] = []

  assign(shift: Shift, nurseId: string, by: string): void {
    if (this.assignments.some((a) => a.shift.id === shift.id)) throw new Error(`shift ${shift.id} is already covered`)
    this.assignments.push({ shift, nurseId, by })
  }

  forNurse(nurseId: string): Shift[] {
    return this.assignments
      .filter((a) => a.nurseId === nurseId)
      .map((a) => a.shift)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
  }

  nurseOn(shiftId: string): string | undefined {
    return this.assignments.find((a) => a.shift.id === shiftId)?.nurseId
  }

  /** Paid hours of the nurse's shifts in the roster week starting on `monday`. */
  hoursInWeek(nurseId: string, monday: string): number {
    return this.forNurse(nurseId)
      .filter((shift) => rosterWeekOf(shift) === monday)
      .reduce((sum, shift) => sum + paidHours(shift), 0)
  }

  all(): Assignment[] {
    return this.assignments.map((a) => ({ ...a }))
  }
}
