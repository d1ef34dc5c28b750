import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { createCarrierClient } from '../../src/carrier/client';
import { AddressBook } from '../../src/shipping/address-book';
import { runLabelRun } from '../../src/shipping/label-run';
import { createLog } from '../../src/log';
import { fakeCarrier, normalise } from './carrier-double';

const TOWNS = [
  ['9711 BN', 'Groningen'],
  ['1012 JS', 'Amsterdam'],
  ['6211 CK', 'Maastricht'],
  ['3011 AB', 'Rotterdam'],
  ['2511 CV', 'Den Haag'],
  ['7511 JE', 'Enschede'],
  ['8011 CW', 'Zwolle'],
];

function warehouse(count, { unknownPostcodes = [] } = {}) {
  const api = fakeCarrier({ unknownPostcodes });
  const log = createLog();
  const carrier = createCarrierClient({ transport: api.transport, apiKey: 'k', log });
  const addressBook = new AddressBook(carrier);
  const parcels = [];
  const delivery = new Map();
  for (let i = 0; i < count; i++) {
    const [postcode, city] = TOWNS[(i * 3) % TOWNS.length];
    const orderId = `SO-${900_000 + i}`;
    const address = { name: ` Klant ${i} `, street: `Dorpsstraat   ${(i % 90) + 1}`, postcode: postcode.toLowerCase(), city, country: 'nl' };
    addressBook.add(orderId, address);
    delivery.set(`PCL-${String(100_000 + i)}`, address);
    parcels.push({ id: `PCL-${String(100_000 + i)}`, orderId, service: i % 11 === 0 ? 'pallet' : 'standard', weightGrams: 500 + (i % 40) * 250 });
  }
  return { api, log, carrier, addressBook, parcels, delivery };
}

async function labelRun(setup) {
  const running = runLabelRun(setup);
  await vi.runAllTimersAsync();
  return running;
}

function busiestMinute(requests) {
  let most = 0;
  for (const request of requests) most = Math.max(most, requests.filter((other) => other.at >= request.at && other.at < request.at + 60_000).length);
  return most;
}

describe('label run on busy days', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-27T16:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Stated in README.md: "every parcel packed by 17:00 must be labelled and on the manifest by 17:05"
  it('labels 1,000 parcels within five minutes, each once, each with its own tracking number', async () => {
    const setup = warehouse(1_000);
    const run = await labelRun(setup);
    expect(run.held).toEqual([]);
    expect(run.labelled).toHaveLength(1_000);
    expect(new Set(run.labelled.map((entry) => entry.parcelId)).size).toBe(1_000);
    expect(new Set(run.labelled.map((entry) => entry.trackingNumber)).size).toBe(1_000);
    expect(run.seconds).toBeLessThanOrEqual(300);
  });

  // Stated in src/carrier/client.js: "The carrier allows 60 requests per minute per account, across all endpoints"
  it('stays within the carrier rate limit on a day of 1,500 parcels', async () => {
    const setup = warehouse(1_500);
    await labelRun(setup);
    expect(setup.log.entries.filter((entry) => entry.message === 'carrier rate limit')).toEqual([]);
    expect(busiestMinute(setup.api.requests)).toBeLessThanOrEqual(60);
  });

  // Stated in src/shipping/address-book.js: "validates it and returns it in its own normalised form"
  // Stated in src/carrier/client.js: "(results are keyed by reference; their order is not guaranteed)"
  it("puts each parcel's own carrier-normalised address on its label", async () => {
    const setup = warehouse(230);
    const run = await labelRun(setup);
    expect(run.labelled).toHaveLength(230);
    for (const entry of run.labelled) expect(entry.address).toEqual(normalise(setup.delivery.get(entry.parcelId)));
  });

  // Stated in src/shipping/label-run.js: "Parcels that cannot be labelled are held"
  it('holds back every parcel with a rejected address in a large run, and labels all the others', async () => {
    const setup = warehouse(320, { unknownPostcodes: ['6211CK'] });
    const run = await labelRun(setup);
    const expectedHeld = setup.parcels.filter((parcel) => setup.delivery.get(parcel.id).postcode === '6211 ck').map((parcel) => parcel.id);
    expect(expectedHeld.length).toBeGreaterThan(40);
    expect(run.held.map((entry) => entry.parcelId).sort()).toEqual(expectedHeld.sort());
    expect(run.held.every((entry) => entry.reason === 'address-rejected' && entry.detail === 'postcode 6211CK does not exist')).toBe(true);
    expect(run.labelled).toHaveLength(320 - expectedHeld.length);
    for (const entry of run.labelled) expect(entry.address).toEqual(normalise(setup.delivery.get(entry.parcelId)));
    expect(run.seconds).toBeLessThanOrEqual(300);
  });

  // Stated in src/shipping/label-run.js: "Parcels that cannot be labelled are held"
  it('holds back invalid parcels without losing the valid ones around them', async () => {
    const setup = warehouse(150);
    setup.parcels[10].weightGrams = 40_000;
    setup.parcels[120].service = 'drone';
    const run = await labelRun(setup);
    expect(run.held.map((entry) => [entry.parcelId, entry.reason])).toEqual([
      ['PCL-100010', 'invalid-parcel'],
      ['PCL-100120', 'invalid-parcel'],
    ]);
    expect(run.labelled).toHaveLength(148);
  });

  // Stated in src/shipping/label-run.js: "The end-of-day label run"
  it('does nothing on a day without parcels', async () => {
    const setup = warehouse(0);
    const run = await labelRun(setup);
    expect(run).toEqual({ labelled: [], held: [], seconds: 0 });
    expect(setup.api.requests).toEqual([]);
  });
});
