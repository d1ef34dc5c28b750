// Orders the weekly totals into the league table.
// Most points first; people on equal points share a rank and are listed
// alphabetically. Ranks use the "1, 2, 2, 4" convention.

// Groups the rows by points, takes the groups from most to fewest points, and lists
// each group's names in the default string order.
function inStandingOrder(totals) {
  const groups = new Map()
  for (const row of totals) {
    const group = groups.get(row.points) ?? []
    group.push(row)
    groups.set(row.points, group)
  }
  const ordered = []
  for (const points of [...groups.keys()].sort((a, b) => b - a)) {
    const group = groups.get(points)
    for (const name of group.map((row) => row.name).sort()) {
      const index = group.findIndex((row) => row.name === name)
      ordered.push(group.splice(index, 1)[0])
    }
  }
  return ordered
}

export function rankStandings(totals) {
  const ordered = inStandingOrder(totals)

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
