import { type Span, type SpanKind } from './spans';

export type DetectorLabel = 'CREDIT_CARD' | 'PHONE_NUMBER' | 'IBAN' | 'PERSON' | 'DATE_TIME' | 'LOCATION';

/**
 * One finding of the PII detection service (POST /v3/analyze). From the vendor's API
 * reference: "beginOffset / endOffset: character offsets in the input text (end
 * exclusive). The offset is the position of each Unicode code point in the string."
 */
export type DetectorEntity = {
  label: DetectorLabel;
  beginOffset: number;
  endOffset: number;
  /** Confidence between 0 and 1. */
  score: number;
};

/** Client of the PII detection service. */
export type PiiDetector = {
  analyze(text: string, options: { language: string }): Promise<DetectorEntity[]>;
};

const KIND_BY_LABEL: Partial<Record<DetectorLabel, SpanKind>> = {
  CREDIT_CARD: 'card',
  PHONE_NUMBER: 'phone',
  IBAN: 'iban',
  PERSON: 'name',
};

export type DetectorOptions = { minScore: number; maskNames: boolean };

/**
 * The service counts code points; JavaScript strings are indexed in UTF-16 code units, and
 * every character outside the Basic Multilingual Plane (most emoji) takes two of them.
 * Returns the code-unit index of every code-point offset, up to and including the end.
 */
function codeUnitIndexes(text: string): number[] {
  const indexes = [0];
  let unit = 0;
  for (const char of text) {
    unit += char.length;
    indexes.push(unit);
  }
  return indexes;
}

/** Keeps the findings we mask (card, phone, IBAN, and names when enabled) and turns them into spans of `text`. */
export function entitiesToSpans(text: string, entities: readonly DetectorEntity[], options: DetectorOptions): Span[] {
  const toUnits = codeUnitIndexes(text);
  const spans: Span[] = [];
  for (const entity of entities) {
    const kind = KIND_BY_LABEL[entity.label];
    if (kind === undefined || entity.score < options.minScore) continue;
    if (kind === 'name' && !options.maskNames) continue;
    const start = toUnits[entity.beginOffset];
    const end = toUnits[entity.endOffset];
    if (start === undefined || end === undefined || end <= start) continue;
    spans.push({ kind, start, end });
  }
  return spans;
}
