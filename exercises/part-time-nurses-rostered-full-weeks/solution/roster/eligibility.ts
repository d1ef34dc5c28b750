import type { Nurse } from '../staff/nurses'
import { isOnLeave } from '../staff/nurses'
import type { Roster } from './roster'
import type { Shift } from './shifts'
import { hoursBetween, paidHours, rosterWeekOf } from './shifts'

export const STANDARD_WEEKLY_HOURS = 48
export const ABSOLUTE_WEEKLY_HOURS = 60
export const MIN_REST_HOURS = 11

export type Refusal = 'skills' | 'on-leave' | 'double-booked' | 'rest' | 'weekly-hours'

/**
 * Whether the nurse may take the shift, given what the roster already has them on.
 * Returns null when they may, otherwise the first rule that refuses it.
 */
export function checkEligibility(nurse: Nurse, shift: Shift, roster: Roster): Refusal | null {
  if (!shift.requires.every((skill) => nurse.skills.includes(skill))) return 'skills'
  const startDay = shift.start.slice(0, 10)
  const endDay = new Date(Date.parse(shift.end) - 1).toISOString().slice(0, 10)
  if (isOnLeave(nurse, startDay) || isOnLeave(nurse, endDay)) return 'on-leave'

  const theirs = roster.forNurse(nurse.id)
  if (theirs.some((other) => other.start < shift.end && shift.start < other.end)) return 'double-booked'
  const before = theirs.filter((other) => other.end <= shift.start).at(-1)
  const after = theirs.find((other) => other.start >= shift.end)
  if (before && hoursBetween(before.end, shift.start) < MIN_REST_HOURS) return 'rest'
  if (after && hoursBetween(shift.end, after.start) < MIN_REST_HOURS) return 'rest'

  const limit = nurse.weeklyLimit ?? (nurse.optOut ? ABSOLUTE_WEEKLY_HOURS : STANDARD_WEEKLY_HOURS)
  if (roster.hoursInWeek(nurse.id, rosterWeekOf(shift)) + paidHours(shift) > limit) return 'weekly-hours'
  return null
}
