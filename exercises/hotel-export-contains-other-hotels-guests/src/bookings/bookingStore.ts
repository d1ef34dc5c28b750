import { matches, type Params } from '../filters/evaluate'
import { parseFilter } from '../filters/parser'

export type BookingStatus = 'confirmed' | 'cancelled' | 'no-show' | 'completed'

export type Booking = {
  ref: string
  hotel: string
  guest: string
  /** Arrival day, "YYYY-MM-DD". */
  check_in: string
  nights: number
  status: BookingStatus
  total_cents: number
}

/** Every booking on the platform, of every hotel. The extranet and the ops console query it with filters. */
export class BookingStore {
  private readonly bookings: Booking[] = []

  add(booking: Booking): void {
    if (this.bookings.some((existing) => existing.ref === booking.ref)) throw new Error(`duplicate booking ${booking.ref}`)
    this.bookings.push({ ...booking })
  }

  /** Bookings matching a filter (see src/filters/lexer.ts), arrival order. */
  query(filter: string, params: Params = {}): Booking[] {
    const parsed = parseFilter(filter)
    return this.bookings
      .filter((booking) => matches(parsed, booking, params))
      .sort((a, b) => (a.check_in === b.check_in ? a.ref.localeCompare(b.ref) : a.check_in.localeCompare(b.check_in)))
      .map((booking) => ({ ...booking }))
  }
}
