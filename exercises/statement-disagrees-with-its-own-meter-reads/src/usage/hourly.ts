import { INTERVAL_MS, type Reading } from '../telemetry/frames'

export const HOUR_MS = 3_600_000
const INTERVALS_PER_HOUR = HOUR_MS / INTERVAL_MS

export type HourUsage = { start: number; wh: number; complete: boolean }

/** Start of the clock hour whose usage a reading counts towards. */
export function hourOf(reading: Reading): number {
  return Math.floor(reading.at / HOUR_MS) * HOUR_MS
}

/**
 * Usage per clock hour for the hours starting in [fromMs, toMs). An hour is complete once
 * all four of its quarter-hour intervals have been reported.
 */
export function hourlyUsage(readings: Reading[], fromMs: number, toMs: number): HourUsage[] {
  if (fromMs % HOUR_MS !== 0 || toMs % HOUR_MS !== 0 || toMs < fromMs) throw new RangeError('hourlyUsage needs whole hours')
  const hours = new Map<number, { wh: number; count: number }>()
  for (let start = fromMs; start < toMs; start += HOUR_MS) hours.set(start, { wh: 0, count: 0 })
  for (const reading of readings) {
    const hour = hours.get(hourOf(reading))
    if (!hour) continue
    hour.wh += reading.wh
    hour.count++
  }
  return [...hours].map(([start, { wh, count }]) => ({ start, wh, complete: count === INTERVALS_PER_HOUR }))
}
