import { describe, it, expect } from 'vitest';
import { EventCatalogue } from '../../src/events/catalogue';
import { deliverPaidOrders } from '../../src/tickets/delivery';
import { createLog } from '../../src/log';

function setup() {
  const catalogue = new EventCatalogue();
  catalogue.add({
    id: 'ev_winter',
    title: 'Harbour Lights Winter Concert 🎻 Strings by Candlelight',
    venue: 'St Nicholas Church',
    startsAt: '2026-01-17T18:30:00.000Z',
    timeZone: 'Europe/London',
  });
  catalogue.add({ id: 'ev_brass', title: 'The Big Brass Brunch 🎺', venue: 'Old Harbour Hall', startsAt: '2026-01-11T11:00:00.000Z', timeZone: 'Europe/London' });
  catalogue.add({
    id: 'ev_jazz',
    title: 'Café Müller Jazz Sessions: Nina & Band at the Old Harbour Hall',
    venue: 'Old Harbour Hall',
    startsAt: '2026-01-24T19:30:00.000Z',
    timeZone: 'Europe/London',
  });
  const sent = [];
  const mailer = { send: async (email) => void sent.push(email) };
  const log = createLog();
  return { deps: { catalogue, mailer, log }, sent, log };
}

function order(id, eventId, seats) {
  return {
    id,
    eventId,
    status: 'paid',
    buyerName: 'Priya',
    buyerEmail: `${id}@example.com`,
    tickets: seats.map((seat, i) => ({ seat, barcode: `${id.toUpperCase()}-${i + 1}` })),
  };
}

function queryField(link, name) {
  const query = link.slice(link.indexOf('?') + 1);
  const pair = query.split('&').find((part) => part.startsWith(`${name}=`));
  return pair === undefined ? undefined : decodeURIComponent(pair.slice(name.length + 1));
}

function passTitles(email) {
  return [...email.text.matchAll(/https:\/\/\S+/g)].map((match) => queryField(match[0], 'title'));
}

describe('ticket delivery after payment', () => {
  it('delivers the tickets for the Harbour Lights winter concert', async () => {
    const { deps, sent } = setup();
    const results = await deliverPaidOrders([order('o_5521', 'ev_winter', ['B12', 'B13'])], deps);

    expect(results.map((result) => [result.orderId, result.status, result.reason])).toEqual([['o_5521', 'sent', undefined]]);
    expect(sent.map((email) => email.subject)).toEqual(['Your tickets for Harbour Lights Winter Concert 🎻 Strings by Candlelight']);
  });

  it('delivers tickets for other events with an emoji in the title', async () => {
    const { deps, sent } = setup();
    const results = await deliverPaidOrders([order('o_5522', 'ev_brass', ['GA'])], deps);

    expect(results[0].status).toBe('sent');
    expect(passTitles(sent[0])).toEqual(['The Big Brass Brunch 🎺']);
  });

  it('shortens long titles to fit the wallet pass', async () => {
    const { deps, sent } = setup();
    await deliverPaidOrders([order('o_5523', 'ev_jazz', ['F1'])], deps);

    expect(passTitles(sent[0])).toEqual(['Café Müller Jazz Sessions: Nina…']);
    expect(sent[0].attachment).toBe('tickets-cafe-muller-jazz-sessions-nina-band-at-the-old-harbour-hall-o_5523.pdf');
  });

  it('keeps delivering the other orders when the mailer refuses one', async () => {
    const { deps, sent } = setup();
    const mailer = {
      send: async (email) => {
        if (email.to === 'o_1@example.com') throw new Error('mailbox unavailable');
        sent.push(email);
      },
    };
    const results = await deliverPaidOrders([order('o_1', 'ev_jazz', ['A1']), order('o_2', 'ev_brass', ['GA'])], { ...deps, mailer });

    expect(results.map((result) => result.status)).toEqual(['failed', 'sent']);
    expect(results[0].reason).toBe('Error: mailbox unavailable');
    expect(sent.map((email) => email.to)).toEqual(['o_2@example.com']);
  });
});
