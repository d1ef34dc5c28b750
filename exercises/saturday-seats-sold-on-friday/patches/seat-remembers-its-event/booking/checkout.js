import { getEvent } from '../events/events';
import { bestAvailable, findSeat, isFreeFor, parseSeatRef, seatRef } from './seats';

/** A hold keeps seats for a cart while the customer pays. */
export const HOLD_MINUTES = 10;
const MAX_TICKETS_PER_ORDER = 8;

export class SeatsUnavailable extends Error {
  constructor(message) {
    super(message);
    this.name = 'SeatsUnavailable';
  }
}

function releaseExpired(event, now) {
  for (const section of event.sections) {
    for (const row of section.rows) {
      for (const seat of row.seats) {
        if (seat.status === 'held' && seat.eventId === event.id && seat.heldUntil <= now) {
          seat.status = 'available';
          delete seat.cartId;
          delete seat.heldUntil;
        }
      }
    }
  }
}

/** Holds the best seats side by side in a section for a cart. Returns the seat references and the total price. */
export function reserve(eventId, { sectionId, quantity, cartId }) {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_TICKETS_PER_ORDER) {
    throw new RangeError(`between 1 and ${MAX_TICKETS_PER_ORDER} tickets per order`);
  }
  const event = getEvent(eventId);
  const now = Date.now();
  releaseExpired(event, now);
  const refs = bestAvailable(event, sectionId, quantity);
  if (refs === null) throw new SeatsUnavailable(`no ${quantity} seats together in ${sectionId} for ${eventId}`);
  for (const ref of refs) Object.assign(findSeat(event, ref), { status: 'held', eventId: event.id, cartId, heldUntil: now + HOLD_MINUTES * 60_000 });
  const band = event.sections.find((section) => section.id === sectionId).band;
  return { eventId, seats: refs, totalCents: quantity * event.pricing[band].priceCents, heldUntil: now + HOLD_MINUTES * 60_000 };
}

/** Holds the exact seats a customer picked on the seat map. */
export function reserveSeats(eventId, refs, cartId) {
  const event = getEvent(eventId);
  const now = Date.now();
  releaseExpired(event, now);
  const seats = refs.map((ref) => ({ ref, seat: findSeat(event, ref) }));
  const taken = seats.filter(({ seat }) => !isFreeFor(seat, event)).map(({ ref }) => ref);
  if (taken.length > 0) throw new SeatsUnavailable(`${taken.join(', ')} not available for ${eventId}`);
  for (const { seat } of seats) Object.assign(seat, { status: 'held', eventId: event.id, cartId, heldUntil: now + HOLD_MINUTES * 60_000 });
  const totalCents = refs.reduce((sum, ref) => {
    const band = event.sections.find((section) => section.id === parseSeatRef(ref).sectionId).band;
    return sum + event.pricing[band].priceCents;
  }, 0);
  return { eventId, seats: refs, totalCents, heldUntil: now + HOLD_MINUTES * 60_000 };
}

/** Payment went through: the cart's held seats become sold. */
export function confirm(eventId, cartId) {
  const event = getEvent(eventId);
  const sold = [];
  for (const section of event.sections) {
    for (const row of section.rows) {
      for (const seat of row.seats) {
        if (seat.status === 'held' && seat.eventId === event.id && seat.cartId === cartId && seat.heldUntil > Date.now()) {
          seat.status = 'sold';
          delete seat.heldUntil;
          sold.push(seatRef(section.id, row.letter, seat.number));
        }
      }
    }
  }
  if (sold.length === 0) throw new SeatsUnavailable(`cart ${cartId} holds no seats for ${eventId} (the hold may have expired)`);
  return sold;
}
