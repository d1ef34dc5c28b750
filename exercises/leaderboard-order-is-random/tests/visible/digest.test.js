import { describe, it, expect } from 'vitest'
import { createRoster } from '../../src/roster'
import { buildWeeklyDigest } from '../../src/digest'

const DAYS = ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10', '2026-01-11']

// One run per listed day, `minutes` long (runs score 1 pt per minute).
function runs(playerId, ...minutesPerDay) {
  return minutesPerDay.map((minutes, i) => ({ playerId, day: DAYS[i], type: 'run', minutes }))
}

const roster = createRoster([
  { id: 'u01', name: 'Priya', team: 'Finance' },
  { id: 'u02', name: 'Tomasz', team: 'Support' },
  { id: 'u03', name: 'Aoife', team: 'Platform' },
  { id: 'u04', name: 'Marcus', team: 'Sales' },
  { id: 'u05', name: 'Lena', team: 'Platform' },
  { id: 'u06', name: 'Kwame', team: 'Finance' },
  { id: 'u07', name: 'Sofia', team: 'Design' },
  { id: 'u08', name: 'Hiroshi', team: 'Support' },
  { id: 'u09', name: 'Ines', team: 'Sales' },
  { id: 'u10', name: 'Dmitri', team: 'Platform' },
  { id: 'u11', name: 'Yara', team: 'Design' },
  { id: 'u12', name: 'Ben', team: 'Finance' },
])

const activities = [
  ...runs('u01', 30, 20),            // 50
  ...runs('u02', 45),                // 45
  ...runs('u03', 60, 60, 60),        // 180
  ...runs('u04', 20, 20, 20, 20),    // 80
  ...runs('u05', 40),                // 40
  ...runs('u06', 90, 90),            // 180
  ...runs('u07', 30, 30),            // 60
  ...runs('u08', 15),                // 15
  ...runs('u09', 50, 50, 50, 50, 50), // 250 + 25 consistency bonus
  ...runs('u10', 70),                // 70
  ...runs('u11', 10),                // 10
  ...runs('u12', 35),                // 35
]

describe('weekly digest', () => {
  it('counts points with the daily cap and the consistency bonus', () => {
    const digest = buildWeeklyDigest(
      createRoster([{ id: 'a', name: 'Ana' }]),
      [...runs('a', 120, 30, 30, 30, 30)],
      { weekOf: '2026-01-05' },
    )
    // 90 (capped) + 4 x 30 + 25 bonus
    expect(digest.table).toEqual([{ rank: 1, name: 'Ana', points: 235, activeDays: 5 }])
  })

  it('puts the three best scorers of the week on the podium', () => {
    const digest = buildWeeklyDigest(roster, activities, { weekOf: '2026-01-05' })

    expect(digest.podium).toEqual([
      { rank: 1, name: 'Ines', points: 275 },
      { rank: 2, name: 'Aoife', points: 180 },
      { rank: 2, name: 'Kwame', points: 180 },
    ])
  })

  it('lists the full table from first to last', () => {
    const digest = buildWeeklyDigest(roster, activities, { weekOf: '2026-01-05' })

    expect(digest.table.map((e) => `${e.rank}. ${e.name} ${e.points}`)).toEqual([
      '1. Ines 275',
      '2. Aoife 180',
      '2. Kwame 180',
      '4. Marcus 80',
      '5. Dmitri 70',
      '6. Sofia 60',
      '7. Priya 50',
      '8. Tomasz 45',
      '9. Lena 40',
      '10. Ben 35',
      '11. Hiroshi 15',
      '12. Yara 10',
    ])
  })
})
