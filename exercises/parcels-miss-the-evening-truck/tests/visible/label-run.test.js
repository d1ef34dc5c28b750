import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { createCarrierClient } from '../../src/carrier/client';
import { AddressBook } from '../../src/shipping/address-book';
import { runLabelRun } from '../../src/shipping/label-run';
import { buildManifest } from '../../src/shipping/manifest';
import { createLog } from '../../src/log';
import { fakeCarrier } from './fake-carrier';

const CITIES = [
  ['3011 ab', 'Rotterdam'],
  ['1012 jS', 'Amsterdam'],
  ['3511 ax', 'Utrecht'],
  ['9711 bn', 'Groningen'],
  ['5611 ev', 'Eindhoven'],
];

function shop(count, { unknownPostcodes = [] } = {}) {
  const api = fakeCarrier({ unknownPostcodes });
  const log = createLog();
  const carrier = createCarrierClient({ transport: api.transport, apiKey: 'test-key', log });
  const addressBook = new AddressBook(carrier);
  const parcels = [];
  for (let i = 0; i < count; i++) {
    const [postcode, city] = CITIES[i % CITIES.length];
    const orderId = `ORD-${70_000 + i}`;
    addressBook.add(orderId, { name: `Customer ${i}`, street: `Kade  ${i + 1}`, postcode, city, country: 'nl' });
    parcels.push({ id: `PCL-${String(500_000 + i)}`, orderId, service: i % 7 === 0 ? 'express' : 'standard', weightGrams: 800 + i * 10 });
  }
  return { api, log, carrier, addressBook, parcels };
}

async function labelRun(setup) {
  const running = runLabelRun(setup);
  await vi.runAllTimersAsync();
  return running;
}

describe('end-of-day label run', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T16:30:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("labels a busy day's 240 parcels within two minutes", async () => {
    const setup = shop(240);
    const run = await labelRun(setup);

    expect(run.labelled).toHaveLength(240);
    expect(run.seconds).toBeLessThanOrEqual(120);
  });

  it('prints the address in the form the carrier returned it', async () => {
    const setup = shop(3);
    const run = await labelRun(setup);

    expect(run.labelled[1]).toEqual({
      parcelId: 'PCL-500001',
      service: 'standard',
      trackingNumber: 'PL000000002',
      address: { name: 'Customer 1', street: 'Kade 2', postcode: '1012JS', city: 'AMSTERDAM', country: 'NL' },
    });
  });

  it('holds back a parcel whose address the carrier rejects, and labels the rest', async () => {
    const setup = shop(6, { unknownPostcodes: ['3511AX'] });
    const run = await labelRun(setup);

    expect(run.held).toEqual([{ parcelId: 'PCL-500002', reason: 'address-rejected', detail: 'postcode 3511AX does not exist' }]);
    expect(run.labelled.map((entry) => entry.parcelId)).toEqual(['PCL-500000', 'PCL-500001', 'PCL-500003', 'PCL-500004', 'PCL-500005']);
  });

  it('holds back a parcel that is too heavy for its service', async () => {
    const setup = shop(2);
    setup.parcels[1].weightGrams = 32_000;
    const run = await labelRun(setup);

    expect(run.held).toEqual([{ parcelId: 'PCL-500001', reason: 'invalid-parcel', detail: 'parcel PCL-500001: 32 kg is over the 31.5 kg limit of standard' }]);
  });

  it('writes the manifest for the driver, express first', async () => {
    const setup = shop(8);
    const run = await labelRun(setup);

    expect(buildManifest(run, { depot: 'RTM-2', date: '2026-01-05' }).split('\n').slice(0, 5)).toEqual([
      'MANIFEST RTM-2 2026-01-05',
      'parcels: 8',
      '-- express (2)',
      'PL000000001 PCL-500000 3011AB ROTTERDAM',
      'PL000000008 PCL-500007 3511AX UTRECHT',
    ]);
  });
});
