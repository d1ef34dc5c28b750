/**
 * Venue layouts. A layout is written compactly (sections, row letters, seats per row) and
 * expanded once, when the venue is registered, into the seat map every event at the venue
 * starts from: sections -> rows -> seats, each seat available.
 */
const venues = new Map();

function expandSection(spec) {
  return {
    id: spec.id,
    name: spec.name,
    band: spec.band,
    rows: spec.rows.map((letter) => ({
      letter,
      seats: Array.from({ length: spec.seatsPerRow }, (_, index) => ({
        number: index + 1,
        accessible: (spec.accessibleSeats ?? []).includes(`${letter}${index + 1}`),
        status: 'available',
      })),
    })),
  };
}

export function registerVenue({ id, name, timeZone, sections, pricing }) {
  if (venues.has(id)) throw new Error(`venue ${id} is already registered`);
  if (!Array.isArray(sections) || sections.length === 0) throw new Error(`venue ${id} has no sections`);
  for (const section of sections) {
    if (!pricing[section.band]) throw new Error(`venue ${id}: section ${section.id} uses unknown price band "${section.band}"`);
  }
  const venue = { id, name, timeZone, sections: sections.map(expandSection), pricing };
  venues.set(id, venue);
  return venue;
}

export function getVenue(id) {
  const venue = venues.get(id);
  if (!venue) throw new Error(`unknown venue ${id}`);
  return venue;
}

export function clearVenues() {
  venues.clear();
}

export function seatCount(layout) {
  return layout.sections.reduce((sum, section) => sum + section.rows.reduce((rows, row) => rows + row.seats.length, 0), 0);
}
