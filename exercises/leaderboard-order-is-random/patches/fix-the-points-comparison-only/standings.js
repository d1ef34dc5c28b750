// Orders the weekly totals into the league table.
// Most points first; people on equal points share a rank and are listed
// alphabetically. Ranks use the "1, 2, 2, 4" convention.

function byStanding(a, b) {
  if (a.points !== b.points) return b.points - a.points
  return a.name > b.name
}

export function rankStandings(totals) {
  const ordered = [...totals].sort(byStanding)

  const table = []
  let previous = null
  ordered.forEach((row, index) => {
    const rank = previous !== null && previous.points === row.points ? previous.rank : index + 1
    const entry = { ...row, rank }
    table.push(entry)
    previous = entry
  })
  return table
}

export function podium(table) {
  return table.filter((entry) => entry.rank <= 3 && entry.points > 0)
}
