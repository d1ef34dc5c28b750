import { INTERVAL_MS, type Reading } from '../telemetry/frames'

export const HOUR_MS = 3_600_000
const INTERVALS_PER_HOUR = HOUR_MS / INTERVAL_MS

export type HourUsage = { start: number; wh: number; complete: boolean }

/** Whether a reading's interval lies in the hour starting at `start`: it closes after the hour opens and no later than the hour closes. */
function usedIn(reading: Reading, start: number): boolean {
  return reading.at > start && reading.at <= start + HOUR_MS
}

/**
 * Usage per clock hour for the hours starting in [fromMs, toMs). An hour is complete once
 * all four of its quarter-hour intervals have been reported.
 */
export function hourlyUsage(readings: Reading[], fromMs: number, toMs: number): HourUsage[] {
  if (fromMs % HOUR_MS !== 0 || toMs % HOUR_MS !== 0 || toMs < fromMs) throw new RangeError('hourlyUsage needs whole hours')
  const hours = new Map<number, { wh: number; count: number }>()
  for (let start = fromMs; start < toMs; start += HOUR_MS) hours.set(start, { wh: 0, count: 0 })
  for (const [start, hour] of hours) {
    for (const reading of readings) {
      if (!usedIn(reading, start)) continue
      hour.wh += reading.wh
      hour.count++
    }
  }
  return [...hours].map(([start, { wh, count }]) => ({ start, wh, complete: count === INTERVALS_PER_HOUR }))
}
