import { describe, it, expect } from 'vitest';
import { type DetectorEntity, type DetectorLabel } from '../../src/redaction/pii-detector';
import { DEFAULT_DETECTOR_OPTIONS, type Transcript } from '../../src/redaction/redact';
import { buildReviewQueue } from '../../src/qa/review-queue';

// Stand-in for the detection service. Like the real one, it reports offsets in code points.
const RULES: Array<[DetectorLabel, RegExp, number]> = [
  ['CREDIT_CARD', /\b\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}\b/g, 0.98],
  ['PHONE_NUMBER', /(?:\+44 ?|\b0)7\d{3} ?\d{3} ?\d{3}\b/g, 0.91],
  ['PERSON', /\b(?:Hannah Okoye|Marek Duda)\b/g, 0.86],
  ['DATE_TIME', /\b\d{1,2}(?::\d{2})?\s?(?:am|pm)\b/gi, 0.8],
];

const detector = {
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

const deps = { detector, options: DEFAULT_DETECTOR_OPTIONS };

function chat(id: string, csat: number, lines: Array<[string, 'customer' | 'agent' | 'bot', string]>): Transcript {
  return { id, language: 'en', csat, messages: lines.map(([time, author, text]) => ({ at: `2026-01-05T${time}:00.000Z`, author, text })) };
}

describe('QA review queue', () => {
  it('masks the card number in chat C-88123', async () => {
    const transcript = chat('C-88123', 1, [
      ['14:02', 'customer', 'Hi, I was charged twice for my order 😩'],
      ['14:03', 'agent', 'Sorry about that! Can you confirm the card you paid with?'],
      ['14:03', 'customer', "sure 🙂 it's 4929 1234 5678 0443"],
    ]);

    const [item] = await buildReviewQueue([transcript], deps);

    expect(item?.body.split('\n')[2]).toBe("[14:03] Customer: sure 🙂 it's [CARD]");
  });

  it('masks cards and phone numbers', async () => {
    const transcript = chat('C-88140', 2, [
      ['10:15', 'customer', 'My card 4929-1234-5678-9912 was declined, call me on 07700 900461'],
      ['10:16', 'agent', 'I will call you on 07700 900461 at 3pm'],
    ]);

    const [item] = await buildReviewQueue([transcript], deps);

    expect(item?.body).toBe(
      ['[10:15] Customer: My card [CARD] was declined, call me on [PHONE]', '[10:16] Agent: I will call you on [PHONE] at 3pm'].join('\n'),
    );
    expect(item?.maskedSummary).toBe('masked: 1 card, 2 phone');
  });

  it('masks e-mail addresses and account numbers', async () => {
    const transcript = chat('C-88151', 2, [['11:40', 'customer', 'Account ACC-30418822, email is h.okoye+shop@example.co.uk, thanks']]);

    const [item] = await buildReviewQueue([transcript], deps);

    expect(item?.body).toBe('[11:40] Customer: Account [ACCOUNT], email is [EMAIL], thanks');
  });

  it('keeps names unless name masking is switched on', async () => {
    const transcript = chat('C-88160', 1, [['09:05', 'agent', 'Hi Hannah Okoye, this is Marek Duda from support.']]);

    const [kept] = await buildReviewQueue([transcript], deps);
    const [masked] = await buildReviewQueue([transcript], { detector, options: { ...DEFAULT_DETECTOR_OPTIONS, maskNames: true } });

    expect(kept?.body).toBe('[09:05] Agent: Hi Hannah Okoye, this is Marek Duda from support.');
    expect(masked?.body).toBe('[09:05] Agent: Hi [NAME], this is [NAME] from support.');
  });

  it('queues low-rated chats and leaves bot messages as they are', async () => {
    const transcripts = [
      chat('C-90001', 5, [['08:00', 'customer', 'all good']]),
      chat('C-90002', 2, [
        ['08:10', 'bot', 'Hi! I am Penny, the shop assistant 🤖'],
        ['08:11', 'customer', 'where is my parcel'],
      ]),
    ];

    const items = await buildReviewQueue(transcripts, deps, 1_000_000);

    expect(items.map((item) => [item.transcriptId, item.reason, item.maskedSummary])).toEqual([['C-90002', 'low-csat', 'nothing masked']]);
    expect(items[0]?.body).toBe('[08:10] Bot: Hi! I am Penny, the shop assistant 🤖\n[08:11] Customer: where is my parcel');
  });
});
