import { describe, it, expect } from 'vitest'
import { ReadingStore } from '../../src/telemetry/readingStore'
import { monthlyStatement } from '../../src/billing/statement'
import { todayByHour } from '../../src/usage/today'

const QUARTER = 15 * 60_000
const METER = 'MTR-0107-002'

function frames(from: string, to: string, whFor: (intervalStart: Date) => number, skip: string[] = []): string[] {
  const out: string[] = []
  let register = 5_000_000
  for (let start = Date.parse(from); start < Date.parse(to); start += QUARTER) {
    const wh = whFor(new Date(start))
    register += wh
    const ts = new Date(start + QUARTER).toISOString().replace('.000', '')
    if (!skip.includes(ts)) out.push(JSON.stringify({ meter: METER, ts, wh, register }))
  }
  return out
}

function storeWith(list: string[]) {
  const store = new ReadingStore()
  const report = store.ingest(list)
  if (report.rejected.length > 0) throw new Error(report.rejected.join('; '))
  return store
}

describe('each interval counts in the hour it was used in', () => {
  // Stated in src/telemetry/frames.ts: "stamped 16:00:00 carries the energy used from 15:45:00 to 16:00:00."
  it('shows each hour of today with the energy used during it', () => {
    // 1 Wh per minute of the hour's number: the interval 09:45-10:00 uses 9 Wh, 10:00-10:15 uses 10 Wh.
    const store = storeWith(frames('2026-02-11T00:00:00Z', '2026-02-11T10:30:00Z', (start) => start.getUTCHours()))
    const view = todayByHour(store, METER, Date.parse('2026-02-11T10:40:00Z'))

    expect(view.hours).toHaveLength(11)
    expect(view.hours[0]).toEqual({ hour: '00:00', kwh: 0, complete: true })
    expect(view.hours[9]).toEqual({ hour: '09:00', kwh: 0.036, complete: true })
    expect(view.hours[10]).toEqual({ hour: '10:00', kwh: 0.02, complete: false })
    expect(view.totalKwh).toBe(0.2)
  })

  // Stated in src/usage/hourly.ts: "all four of its quarter-hour intervals have been reported."
  it('marks the hour whose interval is missing as incomplete', () => {
    const store = storeWith(frames('2026-02-11T00:00:00Z', '2026-02-11T14:00:00Z', () => 50, ['2026-02-11T12:00:00Z']))
    const view = todayByHour(store, METER, Date.parse('2026-02-11T13:59:00Z'))

    expect(view.hours.filter((hour) => !hour.complete).map((hour) => hour.hour)).toEqual(['11:00'])
    expect(view.hours.find((hour) => hour.hour === '11:00')?.kwh).toBe(0.15)
    expect(view.hours.find((hour) => hour.hour === '12:00')?.kwh).toBe(0.2)
  })

  // Stated in src/billing/statement.ts: "Meter register at 00:00 on the first day of the month, and at 00:00 on the first of the next."
  it('bills exactly what the register advanced between the two reads', () => {
    const varying = (start: Date) => 20 + ((start.getTime() / QUARTER) % 97)
    const store = storeWith(frames('2026-01-31T20:00:00Z', '2026-03-01T04:00:00Z', varying))
    const statement = monthlyStatement(store, METER, '2026-02')

    expect(statement.consumptionWh).toBe(statement.closingReadWh! - statement.openingReadWh!)
    expect(statement.incompleteHours).toBe(0)
  })

  // Stated in src/billing/tariff.ts: "Peak is 16:00 to 19:00 on weekdays: the hours starting at 16, 17 and 18."
  it('bills a load running exactly during peak entirely at peak, and nothing else', () => {
    const peakOnly = (start: Date) => {
      const hour = start.getUTCHours()
      const weekday = start.getUTCDay() >= 1 && start.getUTCDay() <= 5
      return weekday && hour >= 16 && hour < 19 ? 1_000 : 0
    }
    const statement = monthlyStatement(storeWith(frames('2026-01-31T00:00:00Z', '2026-03-01T04:00:00Z', peakOnly)), METER, '2026-02')

    expect(statement.offPeakWh).toBe(0)
    expect(statement.peakWh).toBe(20 * 12 * 1_000)
  })

  // Stated in src/billing/tariff.ts: "Peak is 16:00 to 19:00 on weekdays: the hours starting at 16, 17 and 18."
  it('bills loads that stop at 16:00 or start at 19:00 entirely off-peak', () => {
    const shoulders = (start: Date) => {
      const hour = start.getUTCHours()
      return hour === 15 || hour === 19 ? 800 : 0
    }
    const statement = monthlyStatement(storeWith(frames('2026-01-31T00:00:00Z', '2026-03-01T04:00:00Z', shoulders)), METER, '2026-02')

    expect(statement.peakWh).toBe(0)
    expect(statement.offPeakWh).toBe(28 * 2 * 4 * 800)
  })

  // Stated in src/billing/statement.ts: "Meter register at 00:00 on the first day of the month, and at 00:00 on the first of the next."
  it('puts the interval ending at midnight on the 1st in the month before', () => {
    const lastQuarterOfJanuary = (start: Date) => (start.toISOString() === '2026-01-31T23:45:00.000Z' ? 5_000 : 10)
    const store = storeWith(frames('2026-01-01T00:00:00Z', '2026-03-01T04:00:00Z', lastQuarterOfJanuary))

    expect(monthlyStatement(store, METER, '2026-02').consumptionWh).toBe(28 * 96 * 10)
    expect(monthlyStatement(store, METER, '2026-01').offPeakWh).toBeGreaterThanOrEqual(5_000)
  })
})
