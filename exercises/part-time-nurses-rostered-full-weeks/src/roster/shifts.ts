import type { Skill } from '../staff/nurses'

export type ShiftKind = 'early' | 'late' | 'long-day' | 'night'

export interface Shift {
  id: string
  ward: string
  kind: ShiftKind
  /** ISO instants, UTC. A night shift ends on the next calendar day. */
  start: string
  end: string
  requires: Skill[]
}

const HOUR_MS = 3_600_000

/** Start and end times of each kind of shift, in hours after midnight of its start day. */
export const SHIFT_TIMES: Record<ShiftKind, { start: number; end: number }> = {
  early: { start: 7, end: 15 },
  late: { start: 14.5, end: 22.5 },
  'long-day': { start: 7.5, end: 20 },
  night: { start: 22, end: 31.5 },
}

/** Builds the shift of a kind on a day (YYYY-MM-DD). */
export function makeShift(ward: string, day: string, kind: ShiftKind, requires: Skill[] = ['adult']): Shift {
  const midnight = Date.parse(`${day}T00:00:00.000Z`)
  const times = SHIFT_TIMES[kind]
  return {
    id: `${ward}-${day}-${kind}`,
    ward,
    kind,
    start: new Date(midnight + times.start * HOUR_MS).toISOString(),
    end: new Date(midnight + times.end * HOUR_MS).toISOString(),
    requires,
  }
}

/** Paid hours: the time on the ward minus the unpaid 30-minute break every shift over 6 hours has. */
export function paidHours(shift: Shift): number {
  const hours = (Date.parse(shift.end) - Date.parse(shift.start)) / HOUR_MS
  return hours > 6 ? hours - 0.5 : hours
}

export function hoursBetween(earlierEnd: string, laterStart: string): number {
  return (Date.parse(laterStart) - Date.parse(earlierEnd)) / HOUR_MS
}

/** The Monday (YYYY-MM-DD) of the roster week a shift belongs to: the week in which it starts. */
export function rosterWeekOf(shift: Shift): string {
  const start = new Date(shift.start)
  const monday = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() - ((start.getUTCDay() + 6) % 7)))
  return monday.toISOString().slice(0, 10)
}
