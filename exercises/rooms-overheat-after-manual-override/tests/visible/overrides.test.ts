import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { Rooms } from '../../src/thermostat/rooms';
import { createController } from '../../src/thermostat/controller';
import { type WeeklySchedule } from '../../src/thermostat/schedule';

const SCHEDULE: WeeklySchedule = {
  timeZone: 'Europe/Amsterdam',
  weekdays: [
    { from: '06:30', targetC: 20 },
    { from: '09:00', targetC: 17 },
    { from: '17:00', targetC: 20.5 },
    { from: '22:30', targetC: 16 },
  ],
  weekend: [
    { from: '08:00', targetC: 20 },
    { from: '23:00', targetC: 16 },
  ],
};

// A room that warms 0.1 °C per minute while its radiator is on and cools 0.05 °C per minute otherwise.
function home(startC: number) {
  const rooms = new Rooms();
  rooms.add({ id: 'living', name: 'Living room', schedule: SCHEDULE });
  const relayLog: string[] = [];
  const controller = createController({ homeId: 'h-3381', rooms, relay: { set: (room, on) => relayLog.push(`${room}:${on ? 'on' : 'off'}`) } });
  let temperature = startC;
  const seen: number[] = [];
  function run(minutes: number) {
    for (let i = 0; i < minutes; i++) {
      controller.tick({ living: Math.round(temperature * 100) / 100 });
      seen.push(temperature);
      temperature += rooms.get('living')?.heating ? 0.1 : -0.05;
      vi.advanceTimersByTime(60_000);
    }
  }
  return { controller, rooms, relayLog, run, seen, now: () => temperature };
}

const TOPIC = 'home/h-3381/rooms/living/override';

describe('manual overrides', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T18:00:00.000Z')); // Monday 19:00 in Amsterdam
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the living room near 21.5 °C after an override from the mobile app', () => {
    const h = home(19);
    expect(h.controller.onMessage(TOPIC, '{"targetC":"21.5","durationMinutes":"180"}')).toEqual({ accepted: true, until: '2026-01-05T21:00:00.000Z' });

    h.run(150);

    expect(Math.max(...h.seen.slice(60))).toBeLessThan(22);
  });

  it('holds the living room near 21.5 °C after an override from the web dashboard', () => {
    const h = home(19);
    h.controller.onMessage(TOPIC, '{"targetC":21.5,"durationMinutes":180}');

    h.run(150);

    const settled = h.seen.slice(60);
    expect(Math.max(...settled)).toBeLessThan(22);
    expect(Math.min(...settled)).toBeGreaterThan(21);
  });

  it('goes back to the schedule when the override ends', () => {
    const h = home(21);
    h.controller.onMessage(TOPIC, '{"targetC":23,"durationMinutes":30}');

    h.run(30);
    expect(h.rooms.target(h.rooms.get('living')!, Date.now())).toEqual({ targetC: 20.5, boosting: false });
  });

  it('follows the weekday schedule without overrides', () => {
    const h = home(16);
    h.run(120);

    expect(Math.min(...h.seen.slice(90))).toBeGreaterThan(20);
    expect(h.relayLog[0]).toBe('living:on');
  });

  it('refuses overrides it cannot apply', () => {
    const h = home(19);
    expect(h.controller.onMessage(TOPIC, '{"durationMinutes":30}')).toEqual({ accepted: false, reason: 'targetC is missing' });
    expect(h.controller.onMessage(TOPIC, '{"targetC":45}')).toEqual({ accepted: false, reason: 'target 45 °C is outside 5–30 °C' });
    expect(h.controller.onMessage('home/h-3381/rooms/attic/override', '{"targetC":20}')).toEqual({ accepted: false, reason: 'unknown room attic' });
  });
});
