import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHeatingCloud } from '../../src/hub';

const CAPS = { minC: 7, maxC: 30, stepC: 0.5, firmware: '4.0.0' };

async function home(rooms: Record<string, number>) {
  const cloud = createHeatingCloud();
  const doc: Record<string, { name: string; deviceId: string; setpointC: number; batteryPct: number | null }> = {};
  for (const [roomId, setpointC] of Object.entries(rooms)) {
    cloud.valves.install(`v-${roomId}`, CAPS);
    doc[roomId] = { name: roomId, deviceId: `v-${roomId}`, setpointC, batteryPct: 60 };
  }
  cloud.store.put({ homeId: 'h-9', rooms: doc, awayUntil: null, updatedAt: '2026-02-01T00:00:00.000Z' });
  await settle(cloud.climate.reconcile('h-9'));
  return cloud;
}

async function settle<T>(promise: Promise<T>): Promise<T> {
  await vi.advanceTimersByTimeAsync(3_000);
  return promise;
}

async function stored(cloud: ReturnType<typeof createHeatingCloud>) {
  const doc = await settle(cloud.store.load('h-9'));
  return Object.fromEntries(Object.entries(doc.rooms).map(([id, room]) => [id, room.setpointC]));
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-02-06T17:45:00.000Z'));
});

describe('changes made at the same time', () => {
  // Stated in README.md: "What the app shows for a room (its stored setpoint) is what the room's valve is set to"
  it('shows every room at the away temperature in the app after Away', async () => {
    const cloud = await home({ hall: 19, lounge: 21.5, study: 20, nursery: 19.5, attic: 17, utility: 16 });
    const away = await settle(cloud.api.postAway('h-9', { until: '2026-02-09T12:00:00.000Z' }));
    expect(away.status).toBe(200);

    const doc = await settle(cloud.store.load('h-9'));
    expect(Object.values(doc.rooms).map((room) => room.setpointC)).toEqual([15, 15, 15, 15, 15, 15]);
    expect(doc.awayUntil).toBe('2026-02-09T12:00:00.000Z');
  });

  // Stated in README.md: "the nightly reconcile job sends the stored setpoint to any valve that differs, so the two agree again"
  it('leaves the valves at the away temperature after the nightly reconcile', async () => {
    const cloud = await home({ hall: 19, lounge: 21.5, study: 20 });
    await settle(cloud.api.postAway('h-9', { until: '2026-02-09T12:00:00.000Z' }));
    const corrected = await settle(cloud.climate.reconcile('h-9'));

    expect(corrected).toBe(0);
    expect(['hall', 'lounge', 'study'].map((room) => cloud.valves.currentSetpoint(`v-${room}`))).toEqual([15, 15, 15]);
  });

  // Stated in README.md: "never undone by another change made at the same time, whether it comes from Away, from a second phone in the household"
  it('keeps both changes when two phones set different rooms at the same moment', async () => {
    const cloud = await home({ hall: 19, lounge: 21.5, study: 20 });
    const first = cloud.api.putSetpoint('h-9', 'lounge', { celsius: 23 });
    const second = cloud.api.putSetpoint('h-9', 'study', { celsius: 18 });
    await settle(Promise.all([first, second]));

    expect(await stored(cloud)).toEqual({ hall: 19, lounge: 23, study: 18 });
  });

  // Stated in README.md: "or from a valve's battery report"
  it('keeps a battery report that arrives while a setpoint change waits for the valve', async () => {
    const cloud = await home({ hall: 19, lounge: 21.5 });
    const change = cloud.api.putSetpoint('h-9', 'lounge', { celsius: 20 });
    await vi.advanceTimersByTimeAsync(30);
    await settle(cloud.climate.recordBattery('h-9', 'v-hall', 97));
    await settle(change);

    const doc = await settle(cloud.store.load('h-9'));
    expect(doc.rooms.hall?.batteryPct).toBe(97);
    expect(doc.rooms.lounge?.setpointC).toBe(20);
  });

  // Stated in README.md: "What the app shows for a room (its stored setpoint) is what the room's valve is set to"
  it('ends with the app and the valve agreeing when one room is changed twice at once', async () => {
    const cloud = await home({ hall: 19, lounge: 21.5 });
    await settle(Promise.all([cloud.api.putSetpoint('h-9', 'hall', { celsius: 17 }), cloud.api.putSetpoint('h-9', 'hall', { celsius: 22 })]));

    const shown = (await stored(cloud)).hall;
    expect([17, 22]).toContain(shown);
    expect(cloud.valves.currentSetpoint('v-hall')).toBe(shown);
  });

  // Stated in README.md: "A change made from the app, or reported by a valve, is never undone by another change made at the same time"
  it('sets the reachable rooms and leaves an offline one as it was', async () => {
    const cloud = await home({ hall: 19, lounge: 21.5, study: 20, attic: 17 });
    cloud.valves.setOnline('v-study', false);
    const away = await settle(cloud.api.postAway('h-9', { until: '2026-02-09T12:00:00.000Z' }));

    expect((away.body as { rooms: Record<string, unknown> }).rooms).toEqual({ hall: 15, lounge: 15, study: 'failed', attic: 15 });
    expect(await stored(cloud)).toEqual({ hall: 15, lounge: 15, study: 20, attic: 15 });
  });
});
