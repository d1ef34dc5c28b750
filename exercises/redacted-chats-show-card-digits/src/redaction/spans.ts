export type SpanKind = 'card' | 'phone' | 'iban' | 'email' | 'account' | 'name';

/** A stretch of a message to hide: `start` inclusive, `end` exclusive, as positions in the message text. */
export type Span = { kind: SpanKind; start: number; end: number };

export const MASKS: Record<SpanKind, string> = {
  card: '[CARD]',
  phone: '[PHONE]',
  iban: '[IBAN]',
  email: '[EMAIL]',
  account: '[ACCOUNT]',
  name: '[NAME]',
};

// When two findings overlap, the merged span takes the kind that is worse to leak.
const SEVERITY: SpanKind[] = ['name', 'email', 'phone', 'account', 'iban', 'card'];

/** Sorts spans and merges the ones that overlap or touch, so each stretch is masked once. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
      if (SEVERITY.indexOf(span.kind) > SEVERITY.indexOf(last.kind)) last.kind = span.kind;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}

/** Replaces every span with its mask; `spans` must be merged (sorted, non-overlapping). */
export function applyMasks(text: string, spans: readonly Span[]): string {
  let out = '';
  let position = 0;
  for (const span of spans) {
    const start = Math.max(span.start, position);
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    out += text.slice(position, start) + MASKS[span.kind];
    position = end;
  }
  return out + text.slice(position);
}
