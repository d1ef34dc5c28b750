// Small text helpers shared by the ticket e-mails, wallet passes and file names.

const ELLIPSIS = '…';

/** Collapses runs of whitespace (including newlines from the organiser's form) into single spaces. */
export function collapseWhitespace(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shortens `text` to at most `max` characters, ending with "…" when something was cut.
 * Used wherever a display has a fixed width (wallet passes, SMS, the door scanner).
 */
export function shorten(text, max) {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`max must be an integer of at least 2, got ${max}`);
  const clean = collapseWhitespace(text);
  if (clean.length <= max) return clean;
  let end = max - 1;
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return clean.slice(0, end).trimEnd() + ELLIPSIS;
}

/** ASCII file-name part: "Café Müller Jazz" -> "cafe-muller-jazz". */
export function slugify(text) {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
