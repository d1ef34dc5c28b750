// Turns a week of logged activities into challenge points per player.

export const POINTS_PER_MINUTE = {
  run: 1,
  swim: 1.5,
  cycle: 0.5,
  walk: 0.5,
  yoga: 0.25,
}

export const DAILY_CAP = 90
export const CONSISTENCY_BONUS = 25
export const CONSISTENCY_DAYS = 5

function pointsFor(activity) {
  const rate = POINTS_PER_MINUTE[activity.type]
  if (rate === undefined) return 0
  if (!(activity.minutes > 0)) return 0
  return Math.round(activity.minutes * rate)
}

// Returns one row per roster member (in roster order), including people who
// logged nothing this week.
export function weeklyTotals(roster, activities) {
  const perPlayerDay = new Map()

  for (const activity of activities) {
    if (!roster.has(activity.playerId)) continue
    const key = activity.playerId
    const days = perPlayerDay.get(key) ?? new Map()
    const soFar = days.get(activity.day) ?? 0
    days.set(activity.day, soFar + pointsFor(activity))
    perPlayerDay.set(key, days)
  }

  return roster.all().map((player) => {
    const days = perPlayerDay.get(player.id) ?? new Map()
    let points = 0
    let activeDays = 0
    for (const dayPoints of days.values()) {
      if (dayPoints <= 0) continue
      activeDays += 1
      points += Math.min(dayPoints, DAILY_CAP)
    }
    if (activeDays >= CONSISTENCY_DAYS) points += CONSISTENCY_BONUS
    return { playerId: player.id, name: player.name, team: player.team, points, activeDays }
  })
}
