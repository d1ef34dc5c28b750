/**
 * The seat map the website draws, as text: one line per row, one character per seat.
 *   o available   & available, wheelchair space   h held   x sold
 * Works for a performance and for a venue's plan (the venue page's preview).
 */
const SYMBOLS = { available: 'o', held: 'h', sold: 'x' };

function symbol(seat) {
  if (seat.status === 'available' && seat.accessible) return '&';
  const mark = SYMBOLS[seat.status];
  if (!mark) throw new Error(`seat ${seat.number} has an unknown status "${seat.status}"`);
  return mark;
}

export function renderSeatMap(layout, { sectionId } = {}) {
  const sections = sectionId === undefined ? layout.sections : layout.sections.filter((section) => section.id === sectionId);
  if (sections.length === 0) throw new Error(`no section ${sectionId}`);
  const lines = [];
  for (const section of sections) {
    lines.push(`[${section.id}] ${section.name}`);
    for (const row of section.rows) lines.push(`${row.letter} ${row.seats.map(symbol).join('')}`);
  }
  return lines.join('\n');
}
