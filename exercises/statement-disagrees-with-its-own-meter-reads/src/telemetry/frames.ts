/**
 * Smart-meter frames, one JSON object per frame, sent every 15 minutes:
 *
 *   { "meter": "MTR-0042-117", "ts": "2026-01-14T16:00:00Z", "wh": 310, "register": 18733410 }
 *
 *   meter     meter serial
 *   ts        the moment the 15-minute interval CLOSED, on the quarter hour, UTC. The frame
 *             stamped 16:00:00 carries the energy used from 15:45:00 to 16:00:00.
 *   wh        energy used during that interval, whole watt-hours
 *   register  the meter's cumulative register at `ts`, whole watt-hours
 */
export type Reading = { meterId: string; at: number; wh: number; registerWh: number }

export const INTERVAL_MS = 15 * 60_000

export type FrameResult = { ok: true; reading: Reading } | { ok: false; error: string }

const METER = /^MTR-\d{4}-\d{3}$/
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0

export function readFrame(json: string): FrameResult {
  let frame: Record<string, unknown>
  try {
    const parsed: unknown = JSON.parse(json)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { ok: false, error: 'frame is not an object' }
    frame = parsed as Record<string, unknown>
  } catch {
    return { ok: false, error: 'frame is not JSON' }
  }
  if (typeof frame.meter !== 'string' || !METER.test(frame.meter)) return { ok: false, error: `bad meter "${String(frame.meter)}"` }
  if (typeof frame.ts !== 'string' || !UTC_INSTANT.test(frame.ts)) return { ok: false, error: `bad ts "${String(frame.ts)}"` }
  const at = Date.parse(frame.ts)
  if (Number.isNaN(at) || at % INTERVAL_MS !== 0) return { ok: false, error: `ts ${frame.ts} is not on a quarter hour` }
  if (!isWholeNumber(frame.wh)) return { ok: false, error: 'wh must be a whole number of watt-hours' }
  if (!isWholeNumber(frame.register)) return { ok: false, error: 'register must be a whole number of watt-hours' }
  return { ok: true, reading: { meterId: frame.meter, at, wh: frame.wh, registerWh: frame.register } }
}
