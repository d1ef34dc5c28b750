import { INTERVAL_MS, type Reading } from '../telemetry/frames'

export const HOUR_MS = 3_600_000
const INTERVALS_PER_HOUR = HOUR_MS / INTERVAL_MS

export type HourUsage = { start: number; wh: number; complete: boolean }

/** Start of the clock hour whose usage a reading counts towards. */
export function hourOf(reading: Reading): number {
  return Math.ceil(reading.at / HOUR_MS) * HOUR_MS - HOUR_MS
}

/**
 * Usage per clock hour for the hours starting in [fromMs, toMs). An hour is complete once
 * all four of its quarter-hour intervals have been reported.
 */
export function hourlyUsage(readings: Reading[], fromMs: number, toMs: number): HourUsage[] {
  if (fromMs % HOUR_MS !== 0 || toMs % HOUR_MS !== 0 || toMs < fromMs) throw new RangeError('hourlyUsage needs whole hours')
  const hours = new Map<number, { wh: number; count: number }>()
  for (let start = fromMs; start < toMs; start += HOUR_MS) hours.set(start, { wh: 0, count: 0 })
  // An hour's four intervals close at :15, :30, :45 and on the next full hour; look those stamps up.
  const byStamp = new Map(readings.map((reading) => [reading.at, reading]))
  for (const [start, hour] of hours) {
    for (let k = 1; k <= INTERVALS_PER_HOUR; k++) {
      const reading = byStamp.get(start + k * INTERVAL_MS)
      if (!reading) continue
      hour.wh += reading.wh
      hour.count++
    }
  }
  return [...hours].map(([start, { wh, count }]) => ({ start, wh, complete: count === INTERVALS_PER_HOUR }))
}
