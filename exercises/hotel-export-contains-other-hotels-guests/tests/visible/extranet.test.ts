import { describe, it, expect } from 'vitest'
import { BookingStore, type Booking } from '../../src/bookings/bookingStore'
import { ExtranetAudit } from '../../src/extranet/audit'
import { searchBookings } from '../../src/extranet/search'
import { exportBookingsCsv } from '../../src/extranet/exportCsv'

const alpenblick = { user: 'alpenblick.frontdesk', hotelId: 'H-ALPEN' }

function bookings(): Booking[] {
  const rows: [string, string, string, string, number, Booking['status'], number][] = [
    ['BK-20011', 'H-ALPEN', 'Jonas Müller', '2026-01-16', 3, 'confirmed', 41700],
    ['BK-20012', 'H-ALPEN', "Aoife O'Brien", '2026-01-17', 2, 'confirmed', 27800],
    ['BK-20013', 'H-ALPEN', 'Lena Graf', '2026-01-09', 4, 'completed', 55600],
    ['BK-20014', 'H-ALPEN', 'Pavel Novák', '2026-01-20', 1, 'cancelled', 0],
    ['BK-30101', 'H-SEEHOF', 'Anna Müller', '2026-01-16', 2, 'confirmed', 31000],
    ['BK-30102', 'H-SEEHOF', 'Marco Rossi', '2026-01-18', 5, 'confirmed', 90500],
    ['BK-40207', 'H-DUNE', 'Claire Dubois', '2026-01-15', 7, 'confirmed', 148400],
    ['BK-40208', 'H-DUNE', 'Tom Becker', '2026-01-19', 2, 'no-show', 18800],
  ]
  return rows.map(([ref, hotel, guest, check_in, nights, status, total_cents]) => ({ ref, hotel, guest, check_in, nights, status, total_cents }))
}

function setup() {
  const store = new BookingStore()
  for (const booking of bookings()) store.add(booking)
  return { store, audit: new ExtranetAudit() }
}

const refs = (result: ReturnType<typeof searchBookings>) => (result.ok ? result.bookings.map((b) => b.ref) : result.error)

describe('extranet booking search', () => {
  it("finds guests by part of their name, in the user's own hotel only", () => {
    const { store } = setup()
    expect(refs(searchBookings(store, alpenblick, { term: 'müller' }))).toEqual(['BK-20011'])
  })

  it('finds a guest whose name has an apostrophe', () => {
    const { store } = setup()
    expect(refs(searchBookings(store, alpenblick, { term: "O'Brien" }))).toEqual(['BK-20012'])
  })

  it('finds a booking by its reference', () => {
    const { store } = setup()
    expect(refs(searchBookings(store, alpenblick, { term: 'bk-20013' }))).toEqual(['BK-20013'])
    expect(refs(searchBookings(store, alpenblick, { term: 'BK-30101' }))).toEqual([])
  })

  it('filters by status and arrival dates', () => {
    const { store } = setup()
    expect(refs(searchBookings(store, alpenblick, { status: 'confirmed', arrivingFrom: '2026-01-17' }))).toEqual(['BK-20012'])
  })

  it("exports nothing but the user's own hotel", () => {
    const { store, audit } = setup()
    // The export from the access log of 13 January, 22:41.
    const result = exportBookingsCsv(store, audit, alpenblick, { term: "\\') or hotel != '' --" })

    const exported = result.status === 200 ? result.csv.trim().split('\n').slice(1).map((line) => line.split(',')[0]) : []
    const own = new Set(bookings().filter((b) => b.hotel === 'H-ALPEN').map((b) => b.ref))
    expect(exported.filter((ref) => !own.has(ref!))).toEqual([])
  })
})
