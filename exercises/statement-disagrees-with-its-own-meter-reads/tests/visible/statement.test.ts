import { describe, it, expect } from 'vitest'
import { ReadingStore } from '../../src/telemetry/readingStore'
import { monthlyStatement } from '../../src/billing/statement'

const QUARTER = 15 * 60_000

/** Frames as a meter sends them: each stamped when its 15-minute interval closes. */
function meterFrames(meter: string, from: string, to: string, whFor: (intervalStart: Date) => number, register = 18_000_000): string[] {
  const frames: string[] = []
  for (let start = Date.parse(from); start < Date.parse(to); start += QUARTER) {
    const wh = whFor(new Date(start))
    register += wh
    frames.push(JSON.stringify({ meter, ts: new Date(start + QUARTER).toISOString().replace('.000', ''), wh, register }))
  }
  return frames
}

const isWeekday = (d: Date) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5

// Crumb & Co's bakery: ovens on from 05:00 to 16:00 on weekdays, the dough proofer from
// 22:00 to midnight on the evenings before a weekday, fridges all the time.
function bakery(start: Date): number {
  const hour = start.getUTCHours()
  if (isWeekday(start) && hour >= 5 && hour < 16) return 1_500
  if (start.getUTCDay() <= 4 && hour >= 22) return 600
  return 40
}

function januaryStore(whFor: (start: Date) => number) {
  const store = new ReadingStore()
  store.ingest(meterFrames('MTR-0042-117', '2025-12-31T00:00:00Z', '2026-02-01T06:00:00Z', whFor))
  return store
}

describe('monthly statement', () => {
  it('bills the consumption between the two meter reads printed on it', () => {
    const statement = monthlyStatement(januaryStore(bakery), 'MTR-0042-117', '2026-01')

    expect(statement.openingReadWh).not.toBeNull()
    expect(statement.closingReadWh).not.toBeNull()
    expect(statement.consumptionWh).toBe(statement.closingReadWh! - statement.openingReadWh!)
  })

  it('charges a bakery that stops baking at 16:00 only for its fridges at peak', () => {
    const statement = monthlyStatement(januaryStore(bakery), 'MTR-0042-117', '2026-01')

    // 22 weekdays in January 2026, 12 quarter hours of peak each, 40 Wh of fridges per quarter.
    expect(statement.peakWh).toBe(22 * 12 * 40)
  })

  it('splits a flat load by the number of peak hours', () => {
    const statement = monthlyStatement(januaryStore(() => 100), 'MTR-0042-117', '2026-01')

    expect(statement.peakWh).toBe(22 * 3 * 400)
    expect(statement.offPeakWh).toBe((31 * 24 - 22 * 3) * 400)
    expect(statement.incompleteHours).toBe(0)
    expect(statement.charges.standingPence).toBe(1649)
  })
})

describe('meter frames', () => {
  it('drops a frame the meter sent twice', () => {
    const store = new ReadingStore()
    const frames = meterFrames('MTR-0042-117', '2026-01-14T09:00:00Z', '2026-01-14T10:00:00Z', () => 250)
    const report = store.ingest([...frames, frames[2]!])
    expect(report).toEqual({ stored: 4, resent: 1, rejected: [] })
  })

  it('rejects a frame that is not stamped on a quarter hour', () => {
    const store = new ReadingStore()
    const report = store.ingest(['{"meter":"MTR-0042-117","ts":"2026-01-14T09:07:00Z","wh":80,"register":18000080}'])
    expect(report.rejected).toEqual(['ts 2026-01-14T09:07:00Z is not on a quarter hour'])
  })
})
