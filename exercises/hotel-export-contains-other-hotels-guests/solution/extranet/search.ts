import { type Booking, type BookingStore } from '../bookings/bookingStore'
import { FilterSyntaxError } from '../filters/lexer'

/** A signed-in extranet user. They work for exactly one hotel and may only ever see its bookings. */
export type PartnerUser = { user: string; hotelId: string }

export type SearchRequest = { term?: string; status?: string; arrivingFrom?: string; arrivingTo?: string }

export type SearchResult = { ok: true; bookings: Booking[] } | { ok: false; error: string }

const STATUSES = ['confirmed', 'cancelled', 'no-show', 'completed']
const DAY = /^\d{4}-\d{2}-\d{2}$/
export const MAX_TERM_LENGTH = 80

/**
 * The extranet's booking search. The search box matches part of the guest's name, or a
 * booking reference exactly, and always stays within the user's own hotel.
 *
 * The filter text is fixed; what the user typed only ever travels as bound parameters, so
 * no quote, backslash or comment marker in it can change the filter's structure.
 */
export function searchBookings(store: BookingStore, partner: PartnerUser, request: SearchRequest): SearchResult {
  const clauses = ['hotel = :hotel']
  const params: Record<string, string> = { hotel: partner.hotelId }

  const term = request.term?.trim() ?? ''
  if (term.length > MAX_TERM_LENGTH) return { ok: false, error: `search at most ${MAX_TERM_LENGTH} characters` }
  if (term !== '') {
    clauses.push('(guest ~ :term or ref = :ref)')
    params.term = term
    params.ref = term.toUpperCase()
  }

  if (request.status !== undefined) {
    if (!STATUSES.includes(request.status)) return { ok: false, error: `unknown status "${request.status}"` }
    clauses.push('status = :status')
    params.status = request.status
  }
  for (const [bound, op] of [['arrivingFrom', '>='], ['arrivingTo', '<=']] as const) {
    const day = request[bound]
    if (day === undefined) continue
    if (!DAY.test(day)) return { ok: false, error: `${bound} must be YYYY-MM-DD` }
    clauses.push(`check_in ${op} :${bound}`)
    params[bound] = day
  }

  try {
    return { ok: true, bookings: store.query(clauses.join(' and '), params) }
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, error: 'search could not be understood' }
    throw error
  }
}
