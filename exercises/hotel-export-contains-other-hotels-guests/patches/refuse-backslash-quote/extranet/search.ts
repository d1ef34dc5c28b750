import { type Booking, type BookingStore } from '../bookings/bookingStore'
import { FilterSyntaxError } from '../filters/lexer'

/** A signed-in extranet user. They work for exactly one hotel and may only ever see its bookings. */
export type PartnerUser = { user: string; hotelId: string }

export type SearchRequest = { term?: string; status?: string; arrivingFrom?: string; arrivingTo?: string }

export type SearchResult = { ok: true; bookings: Booking[] } | { ok: false; error: string }

const STATUSES = ['confirmed', 'cancelled', 'no-show', 'completed']
const DAY = /^\d{4}-\d{2}-\d{2}$/
export const MAX_TERM_LENGTH = 80

/** Writes text as a string of the filter language: in quotes, with quotes doubled. */
export function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/**
 * The extranet's booking search. The search box matches part of the guest's name, or a
 * booking reference exactly, and always stays within the user's own hotel.
 */
export function searchBookings(store: BookingStore, partner: PartnerUser, request: SearchRequest): SearchResult {
  const clauses = [`hotel = ${quote(partner.hotelId)}`]

  const term = request.term?.trim() ?? ''
  if (term.length > MAX_TERM_LENGTH) return { ok: false, error: `search at most ${MAX_TERM_LENGTH} characters` }
  if (/\\'|--/.test(term)) return { ok: false, error: 'search may not contain \\\' or --' }
  if (term !== '') clauses.push(`(guest ~ ${quote(term)} or ref = ${quote(term.toUpperCase())})`)

  if (request.status !== undefined) {
    if (!STATUSES.includes(request.status)) return { ok: false, error: `unknown status "${request.status}"` }
    clauses.push(`status = ${quote(request.status)}`)
  }
  for (const [bound, op] of [['arrivingFrom', '>='], ['arrivingTo', '<=']] as const) {
    const day = request[bound]
    if (day === undefined) continue
    if (!DAY.test(day)) return { ok: false, error: `${bound} must be YYYY-MM-DD` }
    clauses.push(`check_in ${op} ${quote(day)}`)
  }

  try {
    return { ok: true, bookings: store.query(clauses.join(' and ')) }
  } catch (error) {
    if (error instanceof FilterSyntaxError) return { ok: false, error: 'search could not be understood' }
    throw error
  }
}
