import { describe, it, expect } from 'vitest';
import { EventCatalogue } from '../../src/events/catalogue';
import { deliverPaidOrders, resendTickets } from '../../src/tickets/delivery';
import { createLog } from '../../src/log';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function world(events) {
  const catalogue = new EventCatalogue();
  for (const [i, event] of events.entries()) {
    catalogue.add({ id: `ev_${i}`, venue: 'Old Harbour Hall', startsAt: '2026-02-07T19:00:00.000Z', timeZone: 'Europe/London', ...event });
  }
  const sent = [];
  const deps = { catalogue, mailer: { send: async (email) => void sent.push(email) }, log: createLog() };
  return { deps, sent };
}

function paid(id, eventId) {
  return { id, eventId, status: 'paid', buyerName: 'Jonas', buyerEmail: `${id}@example.org`, tickets: [{ seat: 'C7', barcode: `${id}-1` }] };
}

function passFields(email) {
  const link = email.text.match(/https:\/\/\S+/)[0];
  const fields = {};
  for (const pair of link.slice(link.indexOf('?') + 1).split('&')) {
    const [key, value] = pair.split('=');
    fields[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return fields;
}

function expectCleanShortening(shown, original, width) {
  expect(LONE_SURROGATE.test(shown)).toBe(false);
  expect(shown).not.toContain('\uFFFD');
  expect(Array.from(shown).length).toBeLessThanOrEqual(width);
  if (shown !== original) {
    expect(shown.endsWith('…')).toBe(true);
    expect(original.startsWith(shown.slice(0, -1))).toBe(true);
  }
}

describe('wallet pass fields', () => {
  // Stated in README.md: "Every paid order gets its tickets by e-mail"
  // Stated in README.md: "Titles of up to 32 characters appear in full; longer ones are cut to 31 characters followed by"
  it('delivers the winter concert tickets with a cleanly shortened title', async () => {
    const title = 'Harbour Lights Winter Concert 🎻 Strings by Candlelight';
    const { deps, sent } = world([{ title }]);
    const [result] = await deliverPaidOrders([paid('h1', 'ev_0')], deps);

    expect(result.status).toBe('sent');
    expect(passFields(sent[0]).title).toBe('Harbour Lights Winter Concert 🎻…');
  });

  // Stated in README.md: "Every paid order gets its tickets by e-mail"
  // Stated in src/text.js: "Shortens `text` to at most `max` characters"
  it('delivers every title whatever position the emoji sits at', async () => {
    const base = 'Night Market Sessions live on the pier every Friday';
    const titles = Array.from({ length: 24 }, (_, i) => `${base.slice(0, 18 + i)}🎸 and friends`);
    const { deps, sent } = world(titles.map((title) => ({ title })));
    const results = await deliverPaidOrders(titles.map((_, i) => paid(`p${i}`, `ev_${i}`)), deps);

    expect(results.filter((result) => result.status !== 'sent')).toEqual([]);
    sent.forEach((email, i) => expectCleanShortening(passFields(email).title, titles[i], 32));
  });

  // Stated in README.md: "the venue to 24"
  it('shortens venue names with an emoji at the edge of the field', async () => {
    const venues = Array.from({ length: 8 }, (_, i) => `${'Pier Stage '.padEnd(18 + i, 'x')}🎪 Big Top`);
    const { deps, sent } = world(venues.map((venue) => ({ title: 'Circus of Light', venue })));
    const results = await deliverPaidOrders(venues.map((_, i) => paid(`v${i}`, `ev_${i}`)), deps);

    expect(results.every((result) => result.status === 'sent')).toBe(true);
    sent.forEach((email, i) => expectCleanShortening(passFields(email).venue, venues[i], 24));
  });

  // Stated in README.md: "Titles of up to 32 characters appear in full"
  it('shows a 32-character title with emoji in full', async () => {
    const title = '🎹 Piano Night with Lena Ferraz 🎹';
    expect(Array.from(title)).toHaveLength(32);
    const { deps, sent } = world([{ title }]);
    await deliverPaidOrders([paid('f1', 'ev_0')], deps);

    expect(passFields(sent[0]).title).toBe(title);
  });

  // Stated in README.md: "longer ones are cut to 31 characters followed by"
  it('keeps the emoji that fit and cuts after the 31st character', async () => {
    const { deps, sent } = world([{ title: 'Orchestra of the Night Sky 🌌 Live in Vienna' }]);
    await deliverPaidOrders([paid('k1', 'ev_0')], deps);

    expect(passFields(sent[0]).title).toBe('Orchestra of the Night Sky 🌌 Li…');
  });

  // Stated in README.md: "Every paid order gets its tickets by e-mail"
  it('handles characters outside the basic plane that are not emoji', async () => {
    const title = 'New Year Taiko at the Harbour 𠮷野家 Drummers';
    const { deps, sent } = world([{ title }]);
    const [result] = await deliverPaidOrders([paid('c1', 'ev_0')], deps);

    expect(result.status).toBe('sent');
    expect(passFields(sent[0]).title).toBe('New Year Taiko at the Harbour 𠮷…');
  });

  // Stated in README.md: "the box office can press **Resend tickets**"
  it('resends the tickets of an order whose delivery failed', async () => {
    const { deps, sent } = world([{ title: 'Harbour Lights Winter Concert 🎻 Strings by Candlelight' }]);
    const result = await resendTickets({ ...paid('r1', 'ev_0'), status: 'paid', delivery: { status: 'failed', reason: 'URIError: URI malformed' } }, deps);

    expect(result.status).toBe('sent');
    expect(sent).toHaveLength(1);
  });
});
