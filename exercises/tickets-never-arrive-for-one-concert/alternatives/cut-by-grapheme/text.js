// Small text helpers shared by the ticket e-mails, wallet passes and file names.

const ELLIPSIS = '…';
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

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
  // What a reader sees as one character (an emoji, a letter with its accent) is a grapheme.
  const graphemes = Array.from(segmenter.segment(clean), (part) => part.segment);
  if (graphemes.length <= max) return clean;
  return graphemes.slice(0, max - 1).join('').trimEnd() + ELLIPSIS;
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
