import { describe, it, expect } from 'vitest'
import { createRoster } from '../../src/roster'
import { buildWeeklyDigest } from '../../src/digest'

const DAYS = ['2026-01-12', '2026-01-13', '2026-01-14', '2026-01-15', '2026-01-16', '2026-01-17', '2026-01-18']
const WEEK = { weekOf: '2026-01-12' }

// Spreads `points` over runs of at most 90 minutes on different days (max 4 days,
// so no consistency bonus), so the player ends the week on exactly `points`.
function scoring(playerId, points) {
  const out = []
  let left = points
  let day = 0
  while (left > 0) {
    const minutes = Math.min(left, 90)
    out.push({ playerId, day: DAYS[day], type: 'run', minutes })
    left -= minutes
    day += 1
  }
  if (day > 4) throw new Error('test helper: too many points')
  return out
}

function league(scores) {
  const roster = createRoster(scores.map(([name], i) => ({ id: `id-${i}`, name })))
  const activities = scores.flatMap(([, points], i) => scoring(`id-${i}`, points))
  return { roster, activities }
}

function rows(table) {
  return table.map((e) => `${e.rank} ${e.name} ${e.points}`)
}

// Deterministic shuffle (no Math.random) so failures are reproducible.
function permute(list, seed) {
  const out = [...list]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

describe('league table ordering', () => {
  // Stated in README.md: "Most points first; people on equal points share a rank"
  it('ranks a small league that signed up in reverse score order', () => {
    const { roster, activities } = league([
      ['Cleo', 20],
      ['Bram', 40],
      ['Anouk', 60],
    ])
    const digest = buildWeeklyDigest(roster, activities, WEEK)
    expect(rows(digest.table)).toEqual(['1 Anouk 60', '2 Bram 40', '3 Cleo 20'])
  })

  // Stated in README.md: "Most points first; people on equal points share a rank"
  // Stated in README.md: "The podium is everyone ranked 1st, 2nd or 3rd, including everyone tied for third; people who logged nothing this week are never on it."
  it('ranks a league of more than ten players by points, highest first', () => {
    const scores = [
      ['Olu', 12], ['Nadia', 250], ['Pete', 97], ['Rhea', 3], ['Sami', 180],
      ['Tess', 64], ['Uma', 301], ['Vik', 45], ['Wren', 150], ['Xavi', 88],
      ['Yusuf', 220], ['Zoe', 5], ['Ada', 129], ['Bo', 77],
    ]
    const { roster, activities } = league(scores)
    const digest = buildWeeklyDigest(roster, activities, WEEK)

    const points = digest.table.map((e) => e.points)
    expect(points).toEqual([...points].sort((a, b) => b - a))
    expect(digest.table.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14])
    expect(digest.podium).toEqual([
      { rank: 1, name: 'Uma', points: 301 },
      { rank: 2, name: 'Nadia', points: 250 },
      { rank: 3, name: 'Yusuf', points: 220 },
    ])
  })

  // Stated in README.md: "Most points first; people on equal points share a rank"
  // Stated in README.md: "and are listed alphabetically."
  it('lists players on equal points alphabetically, whatever order they signed up in', () => {
    const { roster, activities } = league([
      ['Zainab', 70],
      ['Mira', 70],
      ['Gustav', 110],
      ['Carla', 70],
      ['Theo', 30],
      ['Abel', 70],
    ])
    const digest = buildWeeklyDigest(roster, activities, WEEK)
    expect(rows(digest.table)).toEqual([
      '1 Gustav 110',
      '2 Abel 70',
      '2 Carla 70',
      '2 Mira 70',
      '2 Zainab 70',
      '6 Theo 30',
    ])
  })

  // Stated in README.md: "Most points first; people on equal points share a rank"
  it('shares the rank on ties and skips the following ranks', () => {
    const { roster, activities } = league([
      ['Dana', 50],
      ['Egon', 90],
      ['Fay', 90],
      ['Gil', 50],
      ['Hana', 20],
      ['Ivo', 90],
    ])
    const digest = buildWeeklyDigest(roster, activities, WEEK)
    expect(rows(digest.table)).toEqual([
      '1 Egon 90',
      '1 Fay 90',
      '1 Ivo 90',
      '4 Dana 50',
      '4 Gil 50',
      '6 Hana 20',
    ])
  })

  // Stated in README.md: "The podium is everyone ranked 1st, 2nd or 3rd, including everyone tied for third; people who logged nothing this week are never on it."
  // Stated in README.md: "Most points first; people on equal points share a rank"
  it('puts everyone tied for third on the podium', () => {
    const { roster, activities } = league([
      ['Quinn', 40],
      ['Paz', 100],
      ['Nell', 40],
      ['Omar', 200],
      ['Lior', 10],
      ['Kit', 40],
      ['Jude', 25],
      ['Ines', 5],
      ['Hugo', 15],
      ['Gia', 30],
      ['Finn', 35],
      ['Eli', 1],
    ])
    const digest = buildWeeklyDigest(roster, activities, WEEK)
    expect(digest.podium).toEqual([
      { rank: 1, name: 'Omar', points: 200 },
      { rank: 2, name: 'Paz', points: 100 },
      { rank: 3, name: 'Kit', points: 40 },
      { rank: 3, name: 'Nell', points: 40 },
      { rank: 3, name: 'Quinn', points: 40 },
    ])
  })

  // Stated in README.md: "The podium is everyone ranked 1st, 2nd or 3rd, including everyone tied for third; people who logged nothing this week are never on it."
  // Stated in README.md: "Most points first; people on equal points share a rank"
  it('keeps people who logged nothing at the bottom and off the podium', () => {
    const roster = createRoster([
      { id: 'a', name: 'Alma' },
      { id: 'b', name: 'Boris' },
      { id: 'c', name: 'Cyd' },
      { id: 'd', name: 'Dov' },
    ])
    const activities = [...scoring('c', 30), ...scoring('d', 45)]
    const digest = buildWeeklyDigest(roster, activities, WEEK)
    expect(rows(digest.table)).toEqual(['1 Dov 45', '2 Cyd 30', '3 Alma 0', '3 Boris 0'])
    expect(digest.podium).toEqual([
      { rank: 1, name: 'Dov', points: 45 },
      { rank: 2, name: 'Cyd', points: 30 },
    ])
  })

  // Stated in README.md: "Most points first; people on equal points share a rank"
  // Stated in README.md: "and are listed alphabetically."
  it('produces the same table whatever order the sign-up sheet is in', () => {
    const scores = []
    for (let i = 0; i < 30; i++) {
      scores.push([`Player ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26)}`, (i * 37) % 23 * 10])
    }
    const expected = [...scores]
      .sort(([na, pa], [nb, pb]) => pb - pa || (na < nb ? -1 : na > nb ? 1 : 0))
      .map(([name, points]) => `${name} ${points}`)

    for (const seed of [1, 7, 42, 2026]) {
      const { roster, activities } = league(permute(scores, seed))
      const digest = buildWeeklyDigest(roster, activities, WEEK)
      expect(digest.table.map((e) => `${e.name} ${e.points}`)).toEqual(expected)
    }
  })
})

describe('digest e-mail text', () => {
  // Stated in README.md: "In the e-mail a shared place is marked with an equals sign, as in =2nd."
  // Stated in README.md: "Most points first; people on equal points share a rank"
  // Stated in README.md: "and are listed alphabetically."
  it('shows the podium in order, marking shared places', () => {
    const { roster, activities } = league([
      ['Wim', 20],
      ['Vera', 75],
      ['Ugo', 60],
      ['Tara', 75],
      ['Sol', 90],
    ])
    const { text } = buildWeeklyDigest(roster, activities, WEEK)
    const podiumBlock = text.split('\n\n')[1]
    expect(podiumBlock).toBe(['Podium:', '  1st   Sol (90 pts)', '  =2nd  Tara (75 pts)', '  =2nd  Vera (75 pts)'].join('\n'))
  })

  // Stated in README.md: "If nobody logged anything, the podium says so."
  it('says so when nobody logged anything', () => {
    const roster = createRoster([{ id: 'a', name: 'Ana' }, { id: 'b', name: 'Bea' }])
    const { text, podium } = buildWeeklyDigest(roster, [], WEEK)
    expect(podium).toEqual([])
    expect(text).toContain('nobody logged any activity this week')
  })
})
