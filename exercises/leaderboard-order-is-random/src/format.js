const ORDINAL_SUFFIX = { one: 'st', two: 'nd', few: 'rd', other: 'th' }
const pluralRules = new Intl.PluralRules('en-GB', { type: 'ordinal' })

export function ordinal(n) {
  return `${n}${ORDINAL_SUFFIX[pluralRules.select(n)]}`
}

export function formatPoints(points) {
  return points === 1 ? '1 pt' : `${points} pts`
}

export function tableLine(entry, tied) {
  const place = tied ? `=${ordinal(entry.rank)}` : ordinal(entry.rank)
  return `${place.padEnd(6)}${entry.name} (${formatPoints(entry.points)})`
}
