import type { Skill } from '../staff/nurses'
import type { Shift, ShiftKind } from './shifts'
import { makeShift } from './shifts'

export interface WardTemplate {
  ward: string
  /** Shifts to cover every day; the same kind may appear more than once. */
  daily: { kind: ShiftKind; requires?: Skill[] }[]
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10)
}

/** The open shifts of a roster week (Monday to Sunday) for a ward. */
export function openShiftsForWeek(template: WardTemplate, monday: string): Shift[] {
  if (new Date(`${monday}T00:00:00.000Z`).getUTCDay() !== 1) throw new Error(`${monday} is not a Monday`)
  const shifts: Shift[] = []
  for (let offset = 0; offset < 7; offset++) {
    const day = addDays(monday, offset)
    template.daily.forEach((slot, index) => {
      const shift = makeShift(template.ward, day, slot.kind, slot.requires)
      shifts.push({ ...shift, id: `${shift.id}-${index + 1}` })
    })
  }
  return shifts
}
