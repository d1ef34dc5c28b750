import { type ReadingStore } from '../telemetry/readingStore'
import { hourlyUsage } from '../usage/hourly'
import { OFF_PEAK_PENCE_PER_KWH, PEAK_PENCE_PER_KWH, STANDING_PENCE_PER_DAY, isPeakHour } from './tariff'

export type Statement = {
  meterId: string
  month: string
  /** Meter register at 00:00 on the first day of the month, and at 00:00 on the first of the next. */
  openingReadWh: number | null
  closingReadWh: number | null
  peakWh: number
  offPeakWh: number
  consumptionWh: number
  /** Hours of the month for which not every interval has been reported (estimated as 0). */
  incompleteHours: number
  charges: { peakPence: number; offPeakPence: number; standingPence: number; totalPence: number }
}

const MONTH = /^(\d{4})-(\d{2})$/

/** The monthly statement of a meter: usage per tariff band, priced, with the meter reads printed on it. */
export function monthlyStatement(store: ReadingStore, meterId: string, month: string): Statement {
  const match = MONTH.exec(month)
  if (!match) throw new Error(`month must be YYYY-MM, got ${month}`)
  const year = Number(match[1])
  const monthIndex = Number(match[2]) - 1
  const from = Date.UTC(year, monthIndex, 1)
  const to = Date.UTC(year, monthIndex + 1, 1)

  const hours = hourlyUsage(store.readings(meterId), from, to)
  let peakWh = 0
  let offPeakWh = 0
  for (const hour of hours) {
    if (isPeakHour(hour.start)) peakWh += hour.wh
    else offPeakWh += hour.wh
  }

  const days = Math.round((to - from) / 86_400_000)
  const peakPence = Math.round((peakWh * PEAK_PENCE_PER_KWH) / 1000)
  const offPeakPence = Math.round((offPeakWh * OFF_PEAK_PENCE_PER_KWH) / 1000)
  const standingPence = Math.round(days * STANDING_PENCE_PER_DAY)
  return {
    meterId,
    month,
    openingReadWh: store.readingAt(meterId, from)?.registerWh ?? null,
    closingReadWh: store.readingAt(meterId, to)?.registerWh ?? null,
    peakWh,
    offPeakWh,
    consumptionWh: peakWh + offPeakWh,
    incompleteHours: hours.filter((hour) => !hour.complete).length,
    charges: { peakPence, offPeakPence, standingPence, totalPence: peakPence + offPeakPence + standingPence },
  }
}
