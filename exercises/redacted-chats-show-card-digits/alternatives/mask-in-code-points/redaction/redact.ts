import { type DetectorOptions, type PiiDetector, entitiesToSpans } from './pii-detector';
import { localSpans } from './local-rules';
import { MASKS, type Span, type SpanKind, mergeSpans } from './spans';

function applyMasks(characters: readonly string[], spans: readonly Span[]): string {
  let out = '';
  let position = 0;
  for (const span of spans) {
    const start = Math.max(span.start, position);
    const end = Math.min(span.end, characters.length);
    if (end <= start) continue;
    out += characters.slice(position, start).join('') + MASKS[span.kind];
    position = end;
  }
  return out + characters.slice(position).join('');
}

export type ChatMessage = { at: string; author: 'customer' | 'agent' | 'bot'; text: string };

export type Transcript = { id: string; language: string; csat?: number; messages: ChatMessage[] };

export type RedactedTranscript = {
  id: string;
  messages: ChatMessage[];
  /** How many stretches of each kind were masked in the whole transcript. */
  masked: Partial<Record<SpanKind, number>>;
};

export type RedactionDeps = { detector: PiiDetector; options: DetectorOptions };

export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = { minScore: 0.6, maskNames: false };

/**
 * Spans are handled in code points, the unit the detection service reports; our own regex
 * findings are converted from JavaScript string indexes (UTF-16 code units) first.
 */
export async function redactText(text: string, language: string, deps: RedactionDeps) {
  const entities = await deps.detector.analyze(text, { language });
  const characters = Array.from(text);
  const pointAtUnit = new Map<number, number>();
  let unit = 0;
  characters.forEach((character, point) => {
    pointAtUnit.set(unit, point);
    unit += character.length;
  });
  pointAtUnit.set(unit, characters.length);
  const local = localSpans(text).map((span) => ({ ...span, start: pointAtUnit.get(span.start) ?? 0, end: pointAtUnit.get(span.end) ?? characters.length }));
  const spans = mergeSpans([...local, ...entitiesToSpans(entities, deps.options)]);
  return { text: applyMasks(characters, spans), spans };
}

/**
 * Masks personal data in every message of a chat before it leaves the support system
 * (QA review, model training, exports). Bot messages are templates and are kept as they are.
 */
export async function redactTranscript(transcript: Transcript, deps: RedactionDeps): Promise<RedactedTranscript> {
  const masked: RedactedTranscript['masked'] = {};
  const messages: ChatMessage[] = [];
  for (const message of transcript.messages) {
    if (message.author === 'bot') {
      messages.push({ ...message });
      continue;
    }
    const { text, spans } = await redactText(message.text, transcript.language, deps);
    for (const span of spans) masked[span.kind] = (masked[span.kind] ?? 0) + 1;
    messages.push({ ...message, text });
  }
  return { id: transcript.id, messages, masked };
}
