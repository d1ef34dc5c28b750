// The table the tracking page reads (lanebird.com/track/<parcel>). It belongs to the web team:
// keep these fields and their meaning. You may add fields of your own to a row, and tables of
// your own to the database.

export const TRACKING_TABLE = 'tracking'

export type TrackingRow = {
  parcelId: string
  /** What the page shows: "Out for delivery", "Delivered", … */
  status: string
  /** The seq of the scan the row shows. */
  scanSeq: number
  scannedAt: string
  depot: string
  /** When the row was written, ms since the epoch. */
  updatedAt: number
}
