import type { Nurse } from '../staff/nurses'
import { checkEligibility } from './eligibility'
import type { Refusal } from './eligibility'
import type { Roster } from './roster'
import type { Shift } from './shifts'
import { rosterWeekOf } from './shifts'

export interface PlanResult {
  filled: { shiftId: string; nurseId: string }[]
  unfilled: { shiftId: string; refusals: Partial<Record<Refusal, number>> }[]
}

/**
 * Fills open shifts in order of their start. Each shift goes to the eligible nurse with
 * the fewest hours that week, so the work is spread evenly; ties go to the home ward, then
 * to the lower staff number. A shift nobody may take is reported with the reasons why.
 */
export function planShifts(openShifts: Shift[], nurses: Nurse[], roster: Roster): PlanResult {
  const result: PlanResult = { filled: [], unfilled: [] }
  const ordered = [...openShifts].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id))

  for (const shift of ordered) {
    if (roster.nurseOn(shift.id) !== undefined) continue
    const refusals: Partial<Record<Refusal, number>> = {}
    const candidates: Nurse[] = []
    for (const nurse of nurses) {
      const refusal = checkEligibility(nurse, shift, roster)
      if (refusal === null) candidates.push(nurse)
      else refusals[refusal] = (refusals[refusal] ?? 0) + 1
    }
    if (candidates.length === 0) {
      result.unfilled.push({ shiftId: shift.id, refusals })
      continue
    }
    const week = rosterWeekOf(shift)
    const rank = (nurse: Nurse) => [roster.hoursInWeek(nurse.id, week), nurse.homeWard === shift.ward ? 0 : 1] as const
    candidates.sort((a, b) => {
      const [hoursA, wardA] = rank(a)
      const [hoursB, wardB] = rank(b)
      return hoursA - hoursB || wardA - wardB || a.id.localeCompare(b.id)
    })
    const chosen = candidates[0]!
    roster.assign(shift, chosen.id, 'planner')
    result.filled.push({ shiftId: shift.id, nurseId: chosen.id })
  }
  return result
}
