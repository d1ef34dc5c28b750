import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHeatingCloud } from '../../src/hub';

const CAPS = { minC: 5, maxC: 28, stepC: 0.5, firmware: '3.2.1' };
const ROOMS = { living: 21, kitchen: 20, bedroom: 18, office: 20.5, bathroom: 22 };

async function setup() {
  const cloud = createHeatingCloud();
  const rooms: Record<string, { name: string; deviceId: string; setpointC: number; batteryPct: number | null }> = {};
  for (const [roomId, setpointC] of Object.entries(ROOMS)) {
    cloud.valves.install(`trv-${roomId}`, CAPS);
    rooms[roomId] = { name: roomId, deviceId: `trv-${roomId}`, setpointC, batteryPct: 80 };
  }
  cloud.store.put({ homeId: 'home-17', rooms, awayUntil: null, updatedAt: '2026-01-01T00:00:00.000Z' });
  await settle(cloud.climate.reconcile('home-17'));
  return cloud;
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(2_000);
  return promise;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-01-16T07:30:00.000Z'));
});

describe('heating', () => {
  it('keeps every room at the away temperature after the nightly reconcile', async () => {
    const cloud = await setup();
    const away = await settle(cloud.api.postAway('home-17', { until: '2026-01-23T18:00:00.000Z' }));
    expect(away.status).toBe(200);

    await settle(cloud.climate.reconcile('home-17'));

    const valves = Object.keys(ROOMS).map((roomId) => cloud.valves.currentSetpoint(`trv-${roomId}`));
    expect(valves).toEqual([15, 15, 15, 15, 15]);
  });

  it('rounds a setpoint to the step of the valve', async () => {
    const cloud = await setup();
    const response = await settle(cloud.api.putSetpoint('home-17', 'office', { celsius: 21.3 }));
    expect(response).toEqual({ status: 200, body: { roomId: 'office', setpointC: 21.5 } });
    expect(cloud.valves.currentSetpoint('trv-office')).toBe(21.5);
  });

  it('caps a setpoint at the maximum the valve supports', async () => {
    const cloud = await setup();
    await settle(cloud.api.putSetpoint('home-17', 'bathroom', { celsius: 35 }));
    const home = await settle(cloud.api.getHome('home-17'));
    expect((home.body as { rooms: Record<string, { setpointC: number }> }).rooms.bathroom?.setpointC).toBe(28);
  });

  it('answers 503 and changes nothing when the valve is offline', async () => {
    const cloud = await setup();
    cloud.valves.setOnline('trv-kitchen', false);
    const response = await settle(cloud.api.putSetpoint('home-17', 'kitchen', { celsius: 23 }));
    expect(response.status).toBe(503);
    const home = await settle(cloud.store.load('home-17'));
    expect(home.rooms.kitchen?.setpointC).toBe(20);
  });

  it('sends the stored setpoint again to a valve that missed it', async () => {
    const cloud = await setup();
    await settle(cloud.api.putSetpoint('home-17', 'living', { celsius: 19 }));
    await settle(cloud.valves.pushSetpoint('trv-living', 24));

    const corrected = await settle(cloud.climate.reconcile('home-17'));
    expect(cloud.valves.currentSetpoint('trv-living')).toBe(19);
    expect(corrected).toBe(1);
  });

  it('records battery reports and warns when a battery runs low', async () => {
    const cloud = await setup();
    await settle(cloud.climate.recordBattery('home-17', 'trv-bedroom', 12));
    const home = await settle(cloud.store.load('home-17'));
    expect(home.rooms.bedroom?.batteryPct).toBe(12);
    expect(cloud.logger.all().map((line) => line.text)).toContain('home-17: valve trv-bedroom battery at 12%');
  });
});
