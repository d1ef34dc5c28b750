import { describe, it, expect } from 'vitest';
import { type DetectorEntity, type DetectorLabel } from '../../src/redaction/pii-detector';
import { DEFAULT_DETECTOR_OPTIONS, type RedactionDeps, redactTranscript } from '../../src/redaction/redact';
import { buildReviewQueue } from '../../src/qa/review-queue';

const RULES: Array<[DetectorLabel, RegExp, number]> = [
  ['CREDIT_CARD', /\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}\b/g, 0.97],
  ['PHONE_NUMBER', /(?:\+44 ?|\b0)7\d{3} ?\d{3} ?\d{3}\b/g, 0.9],
  ['IBAN', /\bGB\d{2}(?: ?[A-Z0-9]{4}){4} ?\d{2}\b/g, 0.95],
  ['PERSON', /\b(?:Zoë Quinn|José Ribeiro|Ana Lúcia)\b/g, 0.88],
];

// The service's contract: offsets are Unicode code point positions. It normalises nothing.
function codePointDetector() {
  return {
    async analyze(text: string): Promise<DetectorEntity[]> {
      const entities: DetectorEntity[] = [];
      const codePoint = (index: number) => Array.from(text.slice(0, index)).length;
      for (const [label, pattern, score] of RULES) {
        for (const match of text.matchAll(pattern)) {
          entities.push({ label, beginOffset: codePoint(match.index), endOffset: codePoint(match.index + match[0].length), score });
        }
      }
      return entities;
    },
  };
}

const deps: RedactionDeps = { detector: codePointDetector(), options: DEFAULT_DETECTOR_OPTIONS };

async function redactOne(text: string, options = DEFAULT_DETECTOR_OPTIONS): Promise<string> {
  const result = await redactTranscript(
    { id: 'T-1', language: 'en', messages: [{ at: '2026-01-05T10:00:00.000Z', author: 'customer', text }] },
    { ...deps, options },
  );
  return result.messages[0]?.text as string;
}

describe('masking personal data next to emoji and other characters', () => {
  // Stated in README.md: "Every card number, phone number and IBAN in a chat is replaced by its mask"
  // Stated in README.md: "everything else in the message stays exactly as the person wrote it"
  it('masks the whole card after one emoji and keeps the rest as written', async () => {
    expect(await redactOne("sure 🙂 it's 4929 1234 5678 0443, thanks")).toBe("sure 🙂 it's [CARD], thanks");
  });

  // Stated in README.md: "Every card number, phone number and IBAN in a chat is replaced by its mask"
  it('masks correctly after a run of emoji, including ones that take a single code unit', async () => {
    expect(await redactOne('✅ ❤️ 😩😩 👍🏽 card 4929123456780443 ok')).toBe('✅ ❤️ 😩😩 👍🏽 card [CARD] ok');
  });

  // Stated in README.md: "everything else in the message stays exactly as the person wrote it"
  it('masks a phone number written after letters from a fancy-font keyboard', async () => {
    expect(await redactOne('𝓗𝓲 𝓽𝓱𝓮𝓻𝓮 call 07700 900461 please')).toBe('𝓗𝓲 𝓽𝓱𝓮𝓻𝓮 call [PHONE] please');
  });

  // Stated in README.md: "Every card number, phone number and IBAN in a chat is replaced by its mask"
  it('masks a card glued to an emoji without breaking the emoji', async () => {
    expect(await redactOne('💳4929123456780443')).toBe('💳[CARD]');
  });

  // Stated in README.md: "We mask e-mail addresses and our ACC- account numbers ourselves"
  it('masks our own findings and the service findings in the same message', async () => {
    expect(await redactOne('🙂 mail me at h.okoye@example.org 🙏 or use 4929 1234 5678 0443 / ACC-30418822')).toBe(
      '🙂 mail me at [EMAIL] 🙏 or use [CARD] / [ACCOUNT]',
    );
  });

  // Stated in README.md: "Every card number, phone number and IBAN in a chat is replaced by its mask"
  it('masks an IBAN after a family emoji and a flag', async () => {
    expect(await redactOne('👨‍👩‍👧 🇬🇧 refund to GB29 NWBK 6016 1331 9268 19 please')).toBe('👨‍👩‍👧 🇬🇧 refund to [IBAN] please');
  });

  // Stated in src/redaction/pii-detector.ts: "The offset is the position of each Unicode code point in the string."
  it('masks names written with combining accents when name masking is on', async () => {
    const text = 'Jose\u0301 Ribeiro here 😊, partner Zoe\u0308 Quinn, card 4929 1234 5678 0443'.normalize('NFC');
    const decomposed = `Ana Lu\u0301cia 😊 for José Ribeiro, card 4929 1234 5678 0443`;
    expect(await redactOne(text, { ...DEFAULT_DETECTOR_OPTIONS, maskNames: true })).toBe('[NAME] here 😊, partner [NAME], card [CARD]');
    expect(await redactOne(decomposed, { ...DEFAULT_DETECTOR_OPTIONS, maskNames: true })).toBe('Ana Lu\u0301cia 😊 for [NAME], card [CARD]');
  });

  // Stated in README.md: "Every card number, phone number and IBAN in a chat is replaced by its mask"
  it('never lets a digit of the card through, wherever emoji appear before it', async () => {
    const card = '4929 1234 5678 0443';
    for (let count = 0; count < 6; count++) {
      const text = `${'🙂'.repeat(count)} order ${'🚚'.repeat(count)} paid with ${card} yesterday`;
      const redacted = await redactOne(text);
      expect(redacted).toBe(`${'🙂'.repeat(count)} order ${'🚚'.repeat(count)} paid with [CARD] yesterday`);
    }
  });

  // Stated in src/qa/review-queue.ts: "Nothing unredacted may ever reach it."
  it('counts what was masked in a chat full of emoji', async () => {
    const [item] = await buildReviewQueue(
      [
        {
          id: 'C-77001',
          language: 'en',
          csat: 1,
          messages: [
            { at: '2026-01-05T16:20:00.000Z', author: 'customer', text: 'ugh 😤😤 charged twice on 4929 1234 5678 0443' },
            { at: '2026-01-05T16:21:00.000Z', author: 'customer', text: '📞 +44 7700 900461 or 🙂 h.okoye@example.org' },
          ],
        },
      ],
      deps,
    );
    expect(item?.body).toBe('[16:20] Customer: ugh 😤😤 charged twice on [CARD]\n[16:21] Customer: 📞 [PHONE] or 🙂 [EMAIL]');
    expect(item?.maskedSummary).toBe('masked: 1 card, 1 phone, 1 email');
  });
});
