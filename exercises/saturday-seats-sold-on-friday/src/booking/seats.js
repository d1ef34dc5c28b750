/** Seat references look like "STL-F12": section id, row letter, seat number. */
export function seatRef(sectionId, letter, number) {
  return `${sectionId}-${letter}${number}`;
}

export function parseSeatRef(ref) {
  const match = /^([A-Z]+)-([A-Z])(\d+)$/.exec(ref);
  if (!match) throw new Error(`invalid seat reference "${ref}"`);
  return { sectionId: match[1], letter: match[2], number: Number(match[3]) };
}

export function findSeat(event, ref) {
  const { sectionId, letter, number } = parseSeatRef(ref);
  const seat = event.sections.find((section) => section.id === sectionId)?.rows.find((row) => row.letter === letter)?.seats.find((s) => s.number === number);
  if (!seat) throw new Error(`event ${event.id} has no seat ${ref}`);
  return seat;
}

/** Available seats per section, and in total. */
export function availability(event) {
  const sections = event.sections.map((section) => ({
    id: section.id,
    name: section.name,
    available: section.rows.reduce((sum, row) => sum + row.seats.filter((seat) => seat.status === 'available').length, 0),
  }));
  return { sections, available: sections.reduce((sum, section) => sum + section.available, 0) };
}

/**
 * The best `quantity` seats side by side in a section: the front-most row that has them,
 * as close to the middle of the row as possible. Null when no row has enough.
 */
export function bestAvailable(event, sectionId, quantity) {
  const section = event.sections.find((candidate) => candidate.id === sectionId);
  if (!section) throw new Error(`event ${event.id} has no section ${sectionId}`);
  for (const row of section.rows) {
    const middle = (row.seats.length + 1) / 2;
    let best = null;
    for (let start = 0; start + quantity <= row.seats.length; start++) {
      const block = row.seats.slice(start, start + quantity);
      if (!block.every((seat) => seat.status === 'available')) continue;
      const distance = Math.abs((block[0].number + block[quantity - 1].number) / 2 - middle);
      if (best === null || distance < best.distance) best = { block, distance };
    }
    if (best) return best.block.map((seat) => seatRef(section.id, row.letter, seat.number));
  }
  return null;
}
