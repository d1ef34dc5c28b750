import { beforeEach, describe, expect, it, vi } from 'vitest';
import { monthlyRecharge } from '../../src/billing/recharge';
import { createBuilding } from '../../src/building';
import { backfillFromCsv } from '../../src/metering/backfill';
import type { Reading } from '../../src/metering/types';

const TARIFF = { orePerKWh: 142, fixedMonthlyOre: 0 };

type Meter = { meterId: string; tenantId: string; floor: number; base: number; unit: 'Wh' | 'kWh' };

// Meters in the order each floor gateway reads its bus.
const GATEWAY_A: Meter[] = [
  { meterId: 'M-101', tenantId: 'nordlys-gym', floor: 1, base: 2100, unit: 'Wh' },
  { meterId: 'M-401', tenantId: 'halvorsen', floor: 4, base: 380, unit: 'Wh' },
  { meterId: 'M-102', tenantId: 'kaffebrenneriet', floor: 1, base: 1300, unit: 'Wh' },
  { meterId: 'M-402', tenantId: 'halvorsen', floor: 4, base: 1650, unit: 'Wh' },
];
const GATEWAY_B: Meter[] = [
  { meterId: 'M-601', tenantId: 'fjelltech', floor: 6, base: 2.4, unit: 'kWh' },
  { meterId: 'M-501', tenantId: 'halvorsen', floor: 5, base: 1.2, unit: 'kWh' },
  { meterId: 'M-502', tenantId: 'halvorsen', floor: 5, base: 0.9, unit: 'kWh' },
  { meterId: 'M-701', tenantId: 'fjelltech', floor: 7, base: 3.1, unit: 'kWh' },
];

function setup() {
  const building = createBuilding();
  for (const meter of GATEWAY_A) building.registry.register({ meterId: meter.meterId, tenantId: meter.tenantId, floor: meter.floor, gatewayId: 'GW-A' });
  for (const meter of GATEWAY_B) building.registry.register({ meterId: meter.meterId, tenantId: meter.tenantId, floor: meter.floor, gatewayId: 'GW-B' });
  return building;
}

function batch(meters: Meter[], intervalStart: string, index: number): Reading[] {
  return meters.map((meter) => ({ meterId: meter.meterId, intervalStart, unit: meter.unit, value: Math.round(meter.base * (1 + (index % 8) / 10) * 1000) / 1000 }));
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(200);
  return promise;
}

/** Both gateways post each quarter hour of a local day (Oslo, UTC+1 in January). */
async function replayDay(building: ReturnType<typeof setup>, day: string) {
  const sent: Reading[] = [];
  const start = Date.parse(`${day}T00:00:00.000Z`) - 3_600_000;
  for (let index = 0; index < 96; index++) {
    const intervalStart = new Date(start + index * 15 * 60_000).toISOString();
    const a = batch(GATEWAY_A, intervalStart, index);
    const b = batch(GATEWAY_B, intervalStart, index);
    sent.push(...a, ...b);
    await settle(Promise.all([building.endpoint.post({ gatewayId: 'GW-A', sentAt: intervalStart, readings: a }), building.endpoint.post({ gatewayId: 'GW-B', sentAt: intervalStart, readings: b })]));
  }
  return sent;
}

function measured(sent: Reading[], meterIds: string[]): number {
  return sent.filter((r) => meterIds.includes(r.meterId)).reduce((sum, r) => sum + (r.unit === 'Wh' ? r.value / 1000 : r.value), 0);
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-20T00:00:00.000Z'));
});

describe('tenant electricity recharge', () => {
  it('bills Halvorsen for what their four meters measured', async () => {
    const building = setup();
    const sent = await replayDay(building, '2026-01-20');
    const line = monthlyRecharge(building.ledger, 'halvorsen', '2026-01', TARIFF);
    expect(line.kWh).toBeCloseTo(measured(sent, ['M-401', 'M-402', 'M-501', 'M-502']), 2);
  });

  it('bills tenants on a single floor gateway for what their meters measured', async () => {
    const building = setup();
    const sent = await replayDay(building, '2026-01-20');
    expect(monthlyRecharge(building.ledger, 'fjelltech', '2026-01', TARIFF).kWh).toBeCloseTo(measured(sent, ['M-601', 'M-701']), 2);
    expect(monthlyRecharge(building.ledger, 'nordlys-gym', '2026-01', TARIFF).kWh).toBeCloseTo(measured(sent, ['M-101']), 2);
  });

  it('logs every interval of every meter', async () => {
    const building = setup();
    const sent = await replayDay(building, '2026-01-20');
    expect(building.meterLog.count()).toBe(96 * 8);
    expect(building.meterLog.total('M-401', '2026-01-19T23:00:00.000Z', '2026-01-20T23:00:00.000Z')).toBeCloseTo(measured(sent, ['M-401']), 3);
  });

  it('does not count a batch twice when a gateway re-sends it', async () => {
    const building = setup();
    const readings = batch(GATEWAY_B, '2026-01-20T08:00:00.000Z', 3);
    await settle(building.endpoint.post({ gatewayId: 'GW-B', sentAt: '2026-01-20T08:00:00.000Z', readings }));
    const again = await settle(building.endpoint.post({ gatewayId: 'GW-B', sentAt: '2026-01-20T08:00:05.000Z', readings }));
    expect(again.body).toMatchObject({ accepted: 0, duplicates: 4 });
    expect(monthlyRecharge(building.ledger, 'fjelltech', '2026-01', TARIFF).kWh).toBeCloseTo(measured(readings, ['M-601', 'M-701']), 3);
  });

  it('books an interval on the local day in Oslo', async () => {
    const building = setup();
    await settle(building.ingest.ingestBatch([{ meterId: 'M-601', intervalStart: '2026-01-31T23:15:00.000Z', value: 2, unit: 'kWh' }]));
    expect(building.ledger.month('fjelltech', '2026-02')).toEqual([{ tenantId: 'fjelltech', day: '2026-02-01', kWh: 2, intervals: 1 }]);
  });

  it('loads a meter export for a gap and applies the CT ratio in force', async () => {
    const building = setup();
    building.registry.recalibrate('M-701', '2026-01-20T10:00:00.000Z', 2);
    const csv = ['meterId,intervalStart,value,unit', 'M-701,2026-01-20T09:45:00.000Z,1.5,kWh', 'M-701,2026-01-20T10:00:00.000Z,1.5,kWh', ''].join('\n');
    const result = await settle(backfillFromCsv(building.ingest, csv));
    expect(result).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(monthlyRecharge(building.ledger, 'fjelltech', '2026-01', TARIFF)).toEqual({ tenantId: 'fjelltech', month: '2026-01', kWh: 4.5, days: 1, amountNok: 6.39 });
  });
});
