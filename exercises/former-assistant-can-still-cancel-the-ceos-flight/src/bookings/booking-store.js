/**
 * @typedef {{ flight: string, from: string, to: string, departAt: string }} Segment
 * @typedef {{
 *   id: string,
 *   reference: string,
 *   passengerId: string,
 *   ownerId: string,
 *   segments: Segment[],
 *   status: 'confirmed' | 'cancelled',
 *   history: string[],
 * }} Booking
 *
 * passengerId: the employee who travels.
 * ownerId: the account that created the reservation and owns it at the airline (in GDS terms
 * the "owning agent"): the passenger, an assistant booking for them, or a travel admin.
 */

const IATA = /^[A-Z]{3}$/;

export function validateSegments(segments) {
  if (!Array.isArray(segments) || segments.length === 0) return 'a booking needs at least one flight';
  for (const segment of segments) {
    if (!/^[A-Z0-9]{2}\d{1,4}$/.test(segment.flight ?? '')) return `bad flight number ${segment.flight}`;
    if (!IATA.test(segment.from ?? '') || !IATA.test(segment.to ?? '')) return `bad airport code on ${segment.flight}`;
    if (Number.isNaN(Date.parse(segment.departAt))) return `bad departure time on ${segment.flight}`;
  }
  return null;
}

/** In-memory stand-in for the bookings table, synchronised with the agency's reservation system. */
export class BookingStore {
  #bookings = new Map();

  add(booking) {
    if (this.#bookings.has(booking.id)) throw new Error(`booking ${booking.id} exists`);
    this.#bookings.set(booking.id, { ...booking, segments: booking.segments.map((s) => ({ ...s })), history: [...(booking.history ?? [])] });
  }

  get(id) {
    return this.#bookings.get(id);
  }

  forPassengers(passengerIds) {
    return [...this.#bookings.values()].filter((booking) => passengerIds.includes(booking.passengerId));
  }
}
