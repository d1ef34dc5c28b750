import { type Span } from './spans';

// Patterns we recognise ourselves, without the detection service: e-mail addresses and
// our own customer account numbers (ACC- followed by 8 digits).
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const ACCOUNT = /\bACC-?\d{8}\b/gi;

export function localSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(EMAIL)) {
    spans.push({ kind: 'email', start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(ACCOUNT)) {
    spans.push({ kind: 'account', start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
