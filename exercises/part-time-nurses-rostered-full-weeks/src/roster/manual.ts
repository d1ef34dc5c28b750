import type { Nurse } from '../staff/nurses'
import { checkEligibility } from './eligibility'
import type { Refusal } from './eligibility'
import type { Roster } from './roster'
import type { Shift } from './shifts'

const MESSAGES: Record<Refusal, string> = {
  skills: 'does not have the skills this shift requires',
  'on-leave': 'is on leave',
  'double-booked': 'is already on a shift at that time',
  rest: 'would have less than 11 hours of rest between shifts',
  'weekly-hours': 'would go over their weekly hours',
}

export class AssignmentRefused extends Error {
  readonly refusal: Refusal

  constructor(nurse: Nurse, shift: Shift, refusal: Refusal) {
    super(`${nurse.name} cannot take ${shift.id}: ${nurse.name} ${MESSAGES[refusal]}`)
    this.name = 'AssignmentRefused'
    this.refusal = refusal
  }
}

/** A ward manager puts a nurse on a shift by hand (swaps, covering sickness). Same rules as the planner. */
export function assignByHand(roster: Roster, nurse: Nurse, shift: Shift, manager: string): void {
  const refusal = checkEligibility(nurse, shift, roster)
  if (refusal !== null) throw new AssignmentRefused(nurse, shift, refusal)
  roster.assign(shift, nurse.id, manager)
}
