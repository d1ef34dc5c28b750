import { describe, it, expect } from 'vitest'
import { BookingStore, type Booking } from '../../src/bookings/bookingStore'
import { ExtranetAudit } from '../../src/extranet/audit'
import { searchBookings } from '../../src/extranet/search'
import { exportBookingsCsv } from '../../src/extranet/exportCsv'

const seaside = { user: 'seaside.reservations', hotelId: 'H-SEA' }

function rows(): Booking[] {
  const data: [string, string, string, string, Booking['status']][] = [
    ['BK-70001', 'H-SEA', "Siobhán O\\'Neill", '2026-02-02', 'confirmed'],
    ['BK-70002', 'H-SEA', 'Kim Park -- VIP', '2026-02-03', 'confirmed'],
    ['BK-70003', 'H-SEA', "Ana 'Nina' Silva", '2026-02-04', 'cancelled'],
    ['BK-70004', 'H-SEA', 'Erik Graf', '2026-02-05', 'confirmed'],
    ['BK-70005', 'H-SEA', 'C:\\Users\\import error', '2026-02-06', 'no-show'],
    ['BK-80001', 'H-MOUNT', "Liam O\\'Neill", '2026-02-02', 'confirmed'],
    ['BK-80002', 'H-MOUNT', 'Erik Graf', '2026-02-03', 'confirmed'],
    ['BK-90001', 'H-CITY', 'Kim Park -- VIP', '2026-02-03', 'confirmed'],
  ]
  return data.map(([ref, hotel, guest, check_in, status]) => ({ ref, hotel, guest, check_in, nights: 2, status, total_cents: 20000 }))
}

function setup() {
  const store = new BookingStore()
  for (const booking of rows()) store.add(booking)
  return { store, audit: new ExtranetAudit() }
}

const own = new Set(rows().filter((b) => b.hotel === 'H-SEA').map((b) => b.ref))

function foreignRefs(result: ReturnType<typeof searchBookings>): string[] {
  return result.ok ? result.bookings.map((b) => b.ref).filter((ref) => !own.has(ref)) : []
}

function found(result: ReturnType<typeof searchBookings>): string[] | string {
  return result.ok ? result.bookings.map((b) => b.ref) : `error: ${result.error}`
}

const crafted = [
  "\\') or hotel != '' --",
  "\\' or hotel != '' --",
  "\\') or ref ~ 'BK' --",
  "zz\\') or not (hotel = 'H-SEA') --",
  "\\') or hotel ~ :x --",
]

describe('a search never leaves the user\'s hotel', () => {
  // Stated in src/extranet/search.ts: "They work for exactly one hotel and may only ever see its bookings."
  it('returns no other hotel\'s booking, whatever is typed into the search box', () => {
    const { store } = setup()
    for (const term of crafted) {
      expect({ term, foreign: foreignRefs(searchBookings(store, seaside, { term })) }).toEqual({ term, foreign: [] })
      expect({ term, foreign: foreignRefs(searchBookings(store, seaside, { term, status: 'confirmed', arrivingFrom: '2026-01-01' })) }).toEqual({ term, foreign: [] })
    }
  })

  // Stated in src/extranet/search.ts: "always stays within the user's own hotel"
  it('exports no other hotel\'s booking either', () => {
    const { store, audit } = setup()
    for (const term of crafted) {
      const result = exportBookingsCsv(store, audit, seaside, { term })
      const refs = result.status === 200 ? result.csv.trim().split('\n').slice(1).map((line) => line.split(',')[0]!) : []
      expect({ term, foreign: refs.filter((ref) => !own.has(ref)) }).toEqual({ term, foreign: [] })
    }
  })
})

describe('the search box still finds what guests are called', () => {
  // Stated in src/extranet/search.ts: "The search box matches part of the guest's name"
  it('finds names that contain a backslash, as the channel feed delivered them', () => {
    const { store } = setup()
    expect(found(searchBookings(store, seaside, { term: "O\\'Neill" }))).toEqual(['BK-70001'])
    expect(found(searchBookings(store, seaside, { term: 'C:\\Users' }))).toEqual(['BK-70005'])
  })

  // Stated in src/extranet/search.ts: "The search box matches part of the guest's name"
  it('finds names with quotes and double dashes', () => {
    const { store } = setup()
    expect(found(searchBookings(store, seaside, { term: "'Nina'" }))).toEqual(['BK-70003'])
    expect(found(searchBookings(store, seaside, { term: '-- VIP' }))).toEqual(['BK-70002'])
    expect(found(searchBookings(store, seaside, { term: "o'" }))).toEqual([])
  })

  // Stated in src/extranet/search.ts: "The search box matches part of the guest's name, or a"
  it('answers a term that matches nothing with no bookings rather than an error', () => {
    const { store } = setup()
    for (const term of ['Graf\\', "zz'", "Graf\\'", '(', 'x) or (y', ':term', "qq' -- x"]) {
      expect({ term, result: found(searchBookings(store, seaside, { term })) }).toEqual({ term, result: [] })
    }
  })

  // Stated in src/extranet/search.ts: "booking reference exactly, and always stays within the user's own hotel"
  it('keeps status, date and reference searches working', () => {
    const { store } = setup()
    expect(found(searchBookings(store, seaside, { term: 'graf', status: 'confirmed', arrivingTo: '2026-02-05' }))).toEqual(['BK-70004'])
    expect(found(searchBookings(store, seaside, { term: 'bk-70002' }))).toEqual(['BK-70002'])
    expect(found(searchBookings(store, seaside, { term: 'BK-80002' }))).toEqual([])
  })
})
