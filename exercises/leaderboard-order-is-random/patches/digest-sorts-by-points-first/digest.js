import { weeklyTotals } from './points'
import { rankStandings, podium } from './standings'
import { tableLine } from './format'

// Builds the Monday morning e-mail for the step challenge.
export function buildWeeklyDigest(roster, activities, { weekOf }) {
  // Highest scores first before ranking.
  const totals = weeklyTotals(roster, activities).sort((a, b) => b.points - a.points)
  const table = rankStandings(totals)
  const top = podium(table)

  const rankCounts = new Map()
  for (const entry of table) {
    rankCounts.set(entry.rank, (rankCounts.get(entry.rank) ?? 0) + 1)
  }
  const isTied = (entry) => rankCounts.get(entry.rank) > 1

  const lines = [`Step challenge - week of ${weekOf}`, '', 'Podium:']
  if (top.length === 0) {
    lines.push('  nobody logged any activity this week')
  } else {
    for (const entry of top) lines.push(`  ${tableLine(entry, isTied(entry))}`)
  }
  lines.push('', 'Full table:')
  for (const entry of table) lines.push(`  ${tableLine(entry, isTied(entry))}`)

  return {
    weekOf,
    podium: top.map(({ rank, name, points }) => ({ rank, name, points })),
    table: table.map(({ rank, name, points, activeDays }) => ({ rank, name, points, activeDays })),
    text: lines.join('\n'),
  }
}
