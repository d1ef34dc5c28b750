import { type RedactedTranscript, type RedactionDeps, type Transcript, redactTranscript } from '../redaction/redact';

export type ReviewItem = { transcriptId: string; reason: 'low-csat' | 'sampled'; body: string; maskedSummary: string };

const AUTHOR_LABEL = { customer: 'Customer', agent: 'Agent', bot: 'Bot' } as const;

/** Every chat rated 1 or 2 goes to review; of the rest, one in `sampleEvery` by id. */
export function selectForReview(transcripts: readonly Transcript[], sampleEvery = 10): Array<{ transcript: Transcript; reason: ReviewItem['reason'] }> {
  const selected: Array<{ transcript: Transcript; reason: ReviewItem['reason'] }> = [];
  for (const transcript of transcripts) {
    if (transcript.csat !== undefined && transcript.csat <= 2) selected.push({ transcript, reason: 'low-csat' });
    else if (idBucket(transcript.id) % sampleEvery === 0) selected.push({ transcript, reason: 'sampled' });
  }
  return selected;
}

function idBucket(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 1_000_003;
  return hash;
}

export function renderForReview(redacted: RedactedTranscript): string {
  return redacted.messages.map((message) => `[${message.at.slice(11, 16)}] ${AUTHOR_LABEL[message.author]}: ${message.text}`).join('\n');
}

export function summariseMasks(redacted: RedactedTranscript): string {
  const parts = Object.entries(redacted.masked).map(([kind, count]) => `${count} ${kind}`);
  return parts.length === 0 ? 'nothing masked' : `masked: ${parts.join(', ')}`;
}

/** Builds the QA team's review queue. Nothing unredacted may ever reach it. */
export async function buildReviewQueue(transcripts: readonly Transcript[], deps: RedactionDeps, sampleEvery = 10): Promise<ReviewItem[]> {
  const items: ReviewItem[] = [];
  for (const { transcript, reason } of selectForReview(transcripts, sampleEvery)) {
    const redacted = await redactTranscript(transcript, deps);
    items.push({ transcriptId: transcript.id, reason, body: renderForReview(redacted), maskedSummary: summariseMasks(redacted) });
  }
  return items;
}
