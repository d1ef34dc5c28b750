import { describe, expect, it } from 'vitest'
import { assignByHand } from '../../src/roster/manual'
import { planShifts } from '../../src/roster/planner'
import { weekSummary } from '../../src/roster/report'
import { Roster } from '../../src/roster/roster'
import { makeShift } from '../../src/roster/shifts'
import type { WardTemplate } from '../../src/roster/wards'
import { openShiftsForWeek } from '../../src/roster/wards'
import type { Nurse } from '../../src/staff/nurses'
import { validateNurse } from '../../src/staff/nurses'

const WARD_7B: WardTemplate = {
  ward: '7B',
  daily: [{ kind: 'early' }, { kind: 'early' }, { kind: 'late' }, { kind: 'late' }, { kind: 'night', requires: ['adult', 'iv-certified'] }],
}

function nurse(id: string, name: string, extra: Partial<Nurse> = {}): Nurse {
  return validateNurse({ id, name, homeWard: '7B', skills: ['adult', 'iv-certified'], optOut: false, leave: [], ...extra })
}

const STAFF = [
  nurse('N1001', 'Grace Mensah'),
  nurse('N1002', 'Oluwaseun Adeyemi', { optOut: true }),
  nurse('N1003', 'Marek Nowak', { skills: ['adult'] }),
  nurse('N1004', 'Priya Raman'),
  nurse('N1005', 'Aoife Byrne', { weeklyLimit: 24 }),
  nurse('N1006', 'Ben Okafor', { weeklyLimit: 30, skills: ['adult'] }),
  nurse('N1007', 'Chloe Martin', { leave: [{ from: '2026-01-21', to: '2026-01-23' }] }),
  nurse('N1008', 'Dev Patel', { homeWard: '7A' }),
]

function planWeek4() {
  const roster = new Roster()
  const result = planShifts(openShiftsForWeek(WARD_7B, '2026-01-19'), STAFF, roster)
  const hours = Object.fromEntries(weekSummary(roster, STAFF, '2026-01-19').map((line) => [line.name, line.paidHours]))
  return { roster, result, hours }
}

describe('ward 7B, roster week 4', () => {
  it('keeps part-time nurses within the hours of their contract', () => {
    const { hours } = planWeek4()
    expect(hours['Aoife Byrne']).toBeLessThanOrEqual(24)
    expect(hours['Ben Okafor']).toBeLessThanOrEqual(30)
  })

  it('covers every shift of the week', () => {
    const { result } = planWeek4()
    expect(result.unfilled).toEqual([])
    expect(result.filled).toHaveLength(35)
  })

  it('keeps full-time nurses within 48 hours, and within 60 after an opt-out', () => {
    const { hours } = planWeek4()
    for (const name of ['Grace Mensah', 'Marek Nowak', 'Priya Raman', 'Chloe Martin', 'Dev Patel']) expect(hours[name]).toBeLessThanOrEqual(48)
    expect(hours['Oluwaseun Adeyemi']).toBeLessThanOrEqual(60)
  })

  it('gives everyone at least 11 hours between shifts and nobody a shift on leave', () => {
    const { roster } = planWeek4()
    for (const member of STAFF) {
      const shifts = roster.forNurse(member.id)
      for (let i = 1; i < shifts.length; i++) {
        expect(Date.parse(shifts[i]!.start) - Date.parse(shifts[i - 1]!.end)).toBeGreaterThanOrEqual(11 * 3_600_000)
      }
    }
    const chloe = roster.forNurse('N1007').map((shift) => shift.start.slice(0, 10))
    expect(chloe.filter((day) => day >= '2026-01-21' && day <= '2026-01-23')).toEqual([])
  })

  it('puts only IV-certified nurses on nights', () => {
    const { roster } = planWeek4()
    const nights = roster.all().filter((a) => a.shift.kind === 'night')
    expect(nights).toHaveLength(7)
    expect(nights.some((a) => a.nurseId === 'N1003' || a.nurseId === 'N1006')).toBe(false)
  })

  it('refuses a hand-made assignment that leaves too little rest', () => {
    const roster = new Roster()
    const grace = STAFF[0]!
    assignByHand(roster, grace, makeShift('7B', '2026-01-19', 'late'), 'ward-manager')
    expect(() => assignByHand(roster, grace, makeShift('7B', '2026-01-20', 'early'), 'ward-manager')).toThrow(
      'Grace Mensah cannot take 7B-2026-01-20-early: Grace Mensah would have less than 11 hours of rest between shifts',
    )
  })
})
