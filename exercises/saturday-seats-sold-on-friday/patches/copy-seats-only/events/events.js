import { getVenue } from '../venues/venues';

const events = new Map();
let nextId = 1;

/** Schedules a performance at a venue, with the seat map and price list of the venue. */
export function createEvent({ venueId, title, startsAt }) {
  if (typeof title !== 'string' || title.trim() === '') throw new Error('an event needs a title');
  if (Number.isNaN(Date.parse(startsAt))) throw new Error(`invalid start time "${startsAt}"`);
  const venue = getVenue(venueId);
  const event = {
    id: `EVT-${String(nextId++).padStart(4, '0')}`,
    title: title.trim(),
    venueId,
    startsAt,
    sections: venue.sections.map((section) => ({
      ...section,
      rows: section.rows.map((row) => ({ ...row, seats: row.seats.map((seat) => ({ ...seat })) })),
    })),
    pricing: { ...venue.pricing },
  };
  events.set(event.id, event);
  return event;
}

export function getEvent(id) {
  const event = events.get(id);
  if (!event) throw new Error(`unknown event ${id}`);
  return event;
}

export function eventsAtVenue(venueId) {
  return [...events.values()].filter((event) => event.venueId === venueId);
}

/** Promoter tool: changes the face value of a price band for this performance only. */
export function setBandPrice(eventId, band, priceCents) {
  const event = getEvent(eventId);
  if (!event.pricing[band]) throw new Error(`event ${eventId} has no price band "${band}"`);
  if (!Number.isInteger(priceCents) || priceCents < 0) throw new Error('price must be a whole number of cents');
  event.pricing[band].priceCents = priceCents;
}

export function clearEvents() {
  events.clear();
  nextId = 1;
}
