import { type ReadingStore } from '../telemetry/readingStore'
import { HOUR_MS, type HourUsage, hourlyUsage } from './hourly'

export type TodayView = { meterId: string; hours: { hour: string; kwh: number; complete: boolean }[]; totalKwh: number }

const label = (start: number) => new Date(start).toISOString().slice(11, 16)
const kwh = (wh: number) => Math.round(wh) / 1000

/** The app's "today" chart: usage per hour since midnight (UTC), up to the hour in progress. */
export function todayByHour(store: ReadingStore, meterId: string, now = Date.now()): TodayView {
  const midnight = Math.floor(now / 86_400_000) * 86_400_000
  const endOfCurrentHour = Math.floor(now / HOUR_MS) * HOUR_MS + HOUR_MS
  const hours: HourUsage[] = hourlyUsage(store.readings(meterId), midnight, endOfCurrentHour)
  return {
    meterId,
    hours: hours.map((hour) => ({ hour: label(hour.start), kwh: kwh(hour.wh), complete: hour.complete })),
    totalKwh: kwh(hours.reduce((sum, hour) => sum + hour.wh, 0)),
  }
}
