import { type BookingStore } from '../bookings/bookingStore'
import { type ExtranetAudit } from './audit'
import { type PartnerUser, type SearchRequest, searchBookings } from './search'

const HEADER = 'ref,guest,check_in,nights,status,total'

function cell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

export type ExportResult = { status: 200; csv: string; rows: number } | { status: 400; error: string }

/** "Export to CSV" on the extranet's bookings page: the current search, as a file. Audited. */
export function exportBookingsCsv(store: BookingStore, audit: ExtranetAudit, partner: PartnerUser, request: SearchRequest): ExportResult {
  const result = searchBookings(store, partner, request)
  if (!result.ok) return { status: 400, error: result.error }
  const lines = result.bookings.map((b) =>
    [b.ref, cell(b.guest), b.check_in, String(b.nights), b.status, (b.total_cents / 100).toFixed(2)].join(','),
  )
  audit.record(partner.user, partner.hotelId, 'export', { term: request.term ?? '', rows: lines.length })
  return { status: 200, csv: [HEADER, ...lines].join('\n') + '\n', rows: lines.length }
}
