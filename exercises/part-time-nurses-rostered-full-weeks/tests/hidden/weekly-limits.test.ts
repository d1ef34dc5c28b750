import { describe, expect, it } from 'vitest'
import { AssignmentRefused, assignByHand } from '../../src/roster/manual'
import { planShifts } from '../../src/roster/planner'
import { weekSummary } from '../../src/roster/report'
import { Roster } from '../../src/roster/roster'
import { makeShift } from '../../src/roster/shifts'
import { openShiftsForWeek } from '../../src/roster/wards'
import type { Nurse } from '../../src/staff/nurses'
import { validateNurse } from '../../src/staff/nurses'

const MONDAY = '2026-03-09'

function nurse(id: string, extra: Partial<Nurse> = {}): Nurse {
  return validateNurse({ id, name: id, homeWard: '4C', skills: ['adult', 'paediatric'], optOut: false, leave: [], ...extra })
}

function hoursAfterPlanning(staff: Nurse[], daily = 6) {
  const roster = new Roster()
  const kinds = ['early', 'late', 'night', 'early', 'late', 'long-day', 'early', 'late'] as const
  const template = { ward: '4C', daily: kinds.slice(0, daily).map((kind) => ({ kind })) }
  const result = planShifts(openShiftsForWeek(template, MONDAY), staff, roster)
  const hours = Object.fromEntries(weekSummary(roster, staff, MONDAY).map((line) => [line.nurseId, line.paidHours]))
  return { roster, result, hours }
}

function refusalOf(action: () => void): string | null {
  try {
    action()
    return null
  } catch (error) {
    if (error instanceof AssignmentRefused) return error.refusal
    throw error
  }
}

describe('weekly hour limits', () => {
  // Stated in README.md: "A nurse's personal weekly limit, set by HR for a part-time contract or by occupational health for a phased return, replaces these"
  it('keeps nurses with a personal limit within it when there is plenty of work', () => {
    const staff = [nurse('N2001'), nurse('N2002', { weeklyLimit: 16 }), nurse('N2003', { weeklyLimit: 22.5 }), nurse('N2004', { weeklyLimit: 37.5 })]
    const { hours } = hoursAfterPlanning(staff)
    expect(hours.N2002).toBeLessThanOrEqual(16)
    expect(hours.N2003).toBeLessThanOrEqual(22.5)
    expect(hours.N2004).toBeLessThanOrEqual(37.5)
  })

  // Stated in README.md: "replaces these, whether or not they signed the opt-out"
  it('holds an opted-out nurse to their personal limit', () => {
    const staff = [nurse('N2101', { optOut: true, weeklyLimit: 30 }), nurse('N2102', { optOut: true })]
    const { hours } = hoursAfterPlanning(staff)
    expect(hours.N2101).toBeLessThanOrEqual(30)
    expect(hours.N2102).toBeGreaterThan(48)
    expect(hours.N2102).toBeLessThanOrEqual(60)
  })

  // Stated in README.md: "a limit of 0 means no shifts that week"
  it('gives no shifts to a nurse whose limit is 0', () => {
    const staff = [nurse('N2201'), nurse('N2202', { weeklyLimit: 0 }), nurse('N2203')]
    const { roster } = hoursAfterPlanning(staff, 3)
    expect(roster.forNurse('N2202')).toEqual([])
  })

  // Stated in README.md: "at most 48, or at most 60 for staff who signed the opt-out"
  it('still applies 48 and 60 hours to staff without a personal limit', () => {
    const staff = [nurse('N2301'), nurse('N2302', { optOut: true }), nurse('N2303')]
    const { hours } = hoursAfterPlanning(staff, 8)
    expect(hours.N2301).toBeLessThanOrEqual(48)
    expect(hours.N2303).toBeLessThanOrEqual(48)
    expect(hours.N2302).toBeLessThanOrEqual(60)
  })

  // Stated in src/roster/manual.ts: "A ward manager puts a nurse on a shift by hand (swaps, covering sickness). Same rules as the planner."
  it('refuses a hand-made assignment that takes a part-timer over their limit, and allows one that reaches it', () => {
    const roster = new Roster()
    const part = nurse('N2401', { weeklyLimit: 24 })
    assignByHand(roster, part, makeShift('4C', '2026-03-09', 'early'), 'ward-manager')
    assignByHand(roster, part, makeShift('4C', '2026-03-10', 'early'), 'ward-manager')
    expect(refusalOf(() => assignByHand(roster, part, makeShift('4C', '2026-03-11', 'night'), 'ward-manager'))).toBeNull()
    expect(refusalOf(() => assignByHand(roster, part, makeShift('4C', '2026-03-13', 'early'), 'ward-manager'))).toBe('weekly-hours')
  })

  // Stated in README.md: "Paid hours per roster week (Monday to Sunday, a shift counts in the week it starts)"
  it('counts the limit per roster week', () => {
    const roster = new Roster()
    const part = nurse('N2501', { weeklyLimit: 15 })
    assignByHand(roster, part, makeShift('4C', '2026-03-14', 'early'), 'ward-manager')
    assignByHand(roster, part, makeShift('4C', '2026-03-15', 'early'), 'ward-manager')
    expect(refusalOf(() => assignByHand(roster, part, makeShift('4C', '2026-03-16', 'early'), 'ward-manager'))).toBeNull()
    expect(refusalOf(() => assignByHand(roster, part, makeShift('4C', '2026-03-12', 'early'), 'ward-manager'))).toBe('weekly-hours')
  })
})
