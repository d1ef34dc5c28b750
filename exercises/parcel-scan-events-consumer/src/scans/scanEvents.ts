// Parcel scans, as the scan-ingest service publishes them on the parcel-scans topic. Every
// handheld scanner, sorting belt and driver app produces them; scan-ingest numbers the scans
// of each parcel (seq 1, 2, 3, … in the order it received them) and publishes them keyed by
// the parcel id.

export const SCAN_STATUSES = ['registered', 'collected', 'sorted', 'out_for_delivery', 'delivery_failed', 'delivered'] as const
export type ScanStatus = (typeof SCAN_STATUSES)[number]

export type ParcelScan = {
  /** Unique per scan; the scanner assigns it. */
  scanId: string
  parcelId: string
  /** The scan's position among the parcel's scans: 1 for the first, then 2, 3, …, one per scan. */
  seq: number
  status: ScanStatus
  /** When the scanner scanned the parcel, ISO 8601, the scanner's own clock. */
  scannedAt: string
  depot: string
}

/** A scan we cannot read: malformed JSON, a missing field, a status this version does not know. */
export class InvalidScanError extends Error {
  override name = 'InvalidScanError'
}

export function parseScan(value: string): ParcelScan {
  let data: unknown
  try {
    data = JSON.parse(value)
  } catch {
    throw new InvalidScanError(`not JSON: ${value.slice(0, 60)}`)
  }
  if (typeof data !== 'object' || data === null) throw new InvalidScanError('not an object')
  const scan = data as Record<string, unknown>
  for (const field of ['scanId', 'parcelId', 'scannedAt', 'depot'] as const) {
    if (typeof scan[field] !== 'string' || scan[field] === '') throw new InvalidScanError(`${field} missing`)
  }
  if (typeof scan.seq !== 'number' || !Number.isInteger(scan.seq) || scan.seq < 1) throw new InvalidScanError(`bad seq ${String(scan.seq)}`)
  if (!SCAN_STATUSES.includes(scan.status as ScanStatus)) throw new InvalidScanError(`unknown status ${String(scan.status)}`)
  return scan as ParcelScan
}

/** The scans a customer is told about, and the template Notify sends for each. */
const TEMPLATES: Partial<Record<ScanStatus, NotificationTemplate>> = {
  out_for_delivery: 'arriving_today',
  delivery_failed: 'we_missed_you',
  delivered: 'delivered',
}

export type NotificationTemplate = 'arriving_today' | 'we_missed_you' | 'delivered'

export function notificationFor(status: ScanStatus): NotificationTemplate | undefined {
  return TEMPLATES[status]
}
