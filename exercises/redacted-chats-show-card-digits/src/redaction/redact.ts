import { type DetectorOptions, type PiiDetector, entitiesToSpans } from './pii-detector';
import { localSpans } from './local-rules';
import { type SpanKind, applyMasks, mergeSpans } from './spans';

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

export async function redactText(text: string, language: string, deps: RedactionDeps) {
  const entities = await deps.detector.analyze(text, { language });
  const spans = mergeSpans([...localSpans(text), ...entitiesToSpans(entities, deps.options)]);
  return { text: applyMasks(text, spans), spans };
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
