export type Skill = 'adult' | 'icu' | 'paediatric' | 'iv-certified' | 'mentor'

export interface Leave {
  /** First day of leave, YYYY-MM-DD. */
  from: string
  /** Last day of leave, inclusive, YYYY-MM-DD. */
  to: string
}

export interface Nurse {
  id: string
  name: string
  homeWard: string
  skills: Skill[]
  /**
   * The nurse's own limit on paid hours per roster week, when there is one: set by HR
   * for part-time contracts and by occupational health for a phased return (0 means
   * no shifts that week). It replaces the standard limit, opted out or not.
   */
  weeklyLimit?: number
  /** Signed the opt-out from the 48-hour week (never more than 60 hours, though). */
  optOut: boolean
  leave: Leave[]
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

export function validateNurse(nurse: Nurse): Nurse {
  if (!/^N\d{4}$/.test(nurse.id)) throw new Error(`invalid staff number ${nurse.id}`)
  if (nurse.skills.length === 0) throw new Error(`${nurse.id}: at least one skill is required`)
  if (nurse.weeklyLimit !== undefined && (!Number.isFinite(nurse.weeklyLimit) || nurse.weeklyLimit < 0)) {
    throw new Error(`${nurse.id}: invalid weekly limit ${nurse.weeklyLimit}`)
  }
  for (const leave of nurse.leave) {
    if (!DAY.test(leave.from) || !DAY.test(leave.to) || leave.to < leave.from) throw new Error(`${nurse.id}: invalid leave ${leave.from}..${leave.to}`)
  }
  return { ...nurse, skills: [...nurse.skills], leave: nurse.leave.map((leave) => ({ ...leave })) }
}

export function isOnLeave(nurse: Nurse, day: string): boolean {
  return nurse.leave.some((leave) => leave.from <= day && day <= leave.to)
}
