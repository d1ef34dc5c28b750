import { beforeEach, describe, expect, it, vi } from 'vitest';
import { monthlyRecharge } from '../../src/billing/recharge';
import { createBuilding } from '../../src/building';
import { backfillFromCsv } from '../../src/metering/backfill';
import type { Reading } from '../../src/metering/types';

type Meter = { meterId: string; tenantId: string; base: number };

const TARIFF = { orePerKWh: 150, fixedMonthlyOre: 9_900 };

function building(gateways: Record<string, Meter[]>) {
  const b = createBuilding();
  for (const [gatewayId, meters] of Object.entries(gateways)) {
    for (const meter of meters) b.registry.register({ meterId: meter.meterId, tenantId: meter.tenantId, floor: Number(meter.meterId.slice(2, 3)), gatewayId });
  }
  return b;
}

function readings(meters: Meter[], intervalStart: string, index: number): Reading[] {
  return meters.map((meter) => ({ meterId: meter.meterId, intervalStart, unit: 'kWh' as const, value: Math.round(meter.base * (1 + ((index * 3) % 5) / 8) * 1000) / 1000 }));
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(200);
  return promise;
}

function kWhOf(sent: Reading[], tenantMeters: string[]): number {
  return sent.filter((r) => tenantMeters.includes(r.meterId)).reduce((sum, r) => sum + r.value, 0);
}

async function replay(b: ReturnType<typeof building>, gateways: Record<string, Meter[]>, from: string, intervals: number, offsetsMs: Record<string, number> = {}) {
  const sent: Reading[] = [];
  for (let index = 0; index < intervals; index++) {
    const intervalStart = new Date(Date.parse(from) + index * 15 * 60_000).toISOString();
    const posts = Object.entries(gateways).map(async ([gatewayId, meters]) => {
      const batch = readings(meters, intervalStart, index);
      sent.push(...batch);
      if (offsetsMs[gatewayId]) await new Promise((resolve) => setTimeout(resolve, offsetsMs[gatewayId]));
      return b.endpoint.post({ gatewayId, sentAt: intervalStart, readings: batch });
    });
    await settle(Promise.all(posts));
  }
  return sent;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-03-03T06:00:00.000Z'));
});

const NORTH: Meter[] = [
  { meterId: 'M-301', tenantId: 'lund-law', base: 0.8 },
  { meterId: 'M-302', tenantId: 'lund-law', base: 1.4 },
  { meterId: 'M-201', tenantId: 'apotek', base: 2.2 },
];
const SOUTH: Meter[] = [
  { meterId: 'M-311', tenantId: 'lund-law', base: 0.5 },
  { meterId: 'M-312', tenantId: 'lund-law', base: 1.1 },
  { meterId: 'M-211', tenantId: 'bakeri', base: 3.3 },
];

describe('tenants metered through more than one gateway', () => {
  // Stated in README.md: "Each tenant is invoiced for exactly what their own meters measured, whichever floor gateway the meters report through."
  it('invoices a tenant split over two gateways for everything their meters measured', async () => {
    const b = building({ 'GW-N': NORTH, 'GW-S': SOUTH });
    const sent = await replay(b, { 'GW-N': NORTH, 'GW-S': SOUTH }, '2026-03-03T06:00:00.000Z', 24);

    const line = monthlyRecharge(b.ledger, 'lund-law', '2026-03', TARIFF);
    expect(line.kWh).toBeCloseTo(kWhOf(sent, ['M-301', 'M-302', 'M-311', 'M-312']), 2);
    expect(line.amountNok).toBeCloseTo((Math.round(kWhOf(sent, ['M-301', 'M-302', 'M-311', 'M-312']) * 150) + 9_900) / 100, 1);
  });

  // Stated in README.md: "Each tenant is invoiced for exactly what their own meters measured, whichever floor gateway the meters report through."
  it('does so whatever order the gateways read their meters in and whenever they post', async () => {
    const north = [NORTH[2]!, NORTH[0]!, NORTH[1]!];
    const south = [SOUTH[0]!, SOUTH[2]!, SOUTH[1]!];
    const b = building({ 'GW-N': north, 'GW-S': south });
    const sent = await replay(b, { 'GW-N': north, 'GW-S': south }, '2026-03-03T06:00:00.000Z', 16, { 'GW-S': 3 });

    expect(monthlyRecharge(b.ledger, 'lund-law', '2026-03', TARIFF).kWh).toBeCloseTo(kWhOf(sent, ['M-301', 'M-302', 'M-311', 'M-312']), 2);
    expect(monthlyRecharge(b.ledger, 'apotek', '2026-03', TARIFF).kWh).toBeCloseTo(kWhOf(sent, ['M-201']), 2);
  });

  // Stated in README.md: "Each tenant is invoiced for exactly what their own meters measured, whichever floor gateway the meters report through."
  it('adds up three gateways posting at the same moment', async () => {
    const east: Meter[] = [{ meterId: 'M-321', tenantId: 'lund-law', base: 0.7 }];
    const gateways = { 'GW-N': NORTH, 'GW-S': SOUTH, 'GW-E': east };
    const b = building(gateways);
    const sent = await replay(b, gateways, '2026-03-03T06:00:00.000Z', 12);

    const days = b.ledger.month('lund-law', '2026-03');
    expect(days).toHaveLength(1);
    expect(days[0]?.intervals).toBe(12 * 5);
    expect(days[0]?.kWh).toBeCloseTo(kWhOf(sent, ['M-301', 'M-302', 'M-311', 'M-312', 'M-321']), 2);
  });

  // Stated in README.md: "Readings loaded from a meter export are counted once, like readings from the gateways, even while the gateways keep posting."
  it('counts a meter export loaded while the gateways are posting', async () => {
    const b = building({ 'GW-N': NORTH, 'GW-S': SOUTH });
    const rows = ['meterId,intervalStart,value,unit'];
    let exported = 0;
    for (let i = 0; i < 8; i++) {
      const value = 0.25 + i / 100;
      exported += value;
      rows.push(`M-312,${new Date(Date.parse('2026-03-03T00:00:00.000Z') + i * 15 * 60_000).toISOString()},${value},kWh`);
    }
    const backfill = backfillFromCsv(b.ingest, rows.join('\n'));
    const sent = await replay(b, { 'GW-N': NORTH }, '2026-03-03T06:00:00.000Z', 4);
    await settle(backfill);

    expect(monthlyRecharge(b.ledger, 'lund-law', '2026-03', TARIFF).kWh).toBeCloseTo(exported + kWhOf(sent, ['M-301', 'M-302']), 3);
  });

  // Stated in README.md: "Readings loaded from a meter export are counted once, like readings from the gateways"
  it('skips intervals of an export that already came through a gateway', async () => {
    const b = building({ 'GW-S': SOUTH });
    const sent = await replay(b, { 'GW-S': SOUTH }, '2026-03-03T06:00:00.000Z', 2);
    const csv = ['meterId,intervalStart,value,unit', ...sent.filter((r) => r.meterId === 'M-211').map((r) => `${r.meterId},${r.intervalStart},${r.value},kWh`)].join('\n');
    const result = await settle(backfillFromCsv(b.ingest, csv));

    expect(result).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(monthlyRecharge(b.ledger, 'bakeri', '2026-03', TARIFF).kWh).toBeCloseTo(kWhOf(sent, ['M-211']), 3);
  });
});
