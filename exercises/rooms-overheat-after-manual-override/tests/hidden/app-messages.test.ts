import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { Rooms } from '../../src/thermostat/rooms';
import { createController } from '../../src/thermostat/controller';

const FLAT = { timeZone: 'Europe/Amsterdam', weekdays: [{ from: '00:00', targetC: 18 }], weekend: [{ from: '00:00', targetC: 18 }] };
const TOPIC = 'home/h-9/rooms/study/override';

function home(startC: number) {
  const rooms = new Rooms();
  rooms.add({ id: 'study', name: 'Study', schedule: FLAT });
  const switches: Array<{ minute: number; on: boolean }> = [];
  let minute = 0;
  const controller = createController({ homeId: 'h-9', rooms, relay: { set: (_room, on) => switches.push({ minute, on }) } });
  let temperature = startC;
  const seen: number[] = [];
  return {
    controller,
    rooms,
    switches,
    seen,
    send: (payload: string) => controller.onMessage(TOPIC, payload),
    run(minutes: number) {
      for (let i = 0; i < minutes; i++, minute++) {
        controller.tick({ study: Math.round(temperature * 100) / 100 });
        seen.push(temperature);
        temperature += rooms.get('study')?.heating ? 0.1 : -0.05;
        vi.advanceTimersByTime(60_000);
      }
    },
    target: () => rooms.target(rooms.get('study')!, Date.now()).targetC,
  };
}

describe('overrides sent by app 5.2', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-07T06:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Stated in README.md: "version 5.2 sends the numbers and the boost switch as text"
  // Stated in src/config.ts: "The heater switches on below target - hysteresis and off above target + hysteresis."
  it('regulates around a target sent as text', () => {
    const h = home(17);
    expect(h.send('{"targetC":"22","durationMinutes":"240"}').accepted).toBe(true);
    h.run(200);
    const settled = h.seen.slice(80);
    expect(Math.max(...settled)).toBeLessThanOrEqual(22.45);
    expect(Math.min(...settled)).toBeGreaterThanOrEqual(21.55);
  });

  // Stated in README.md: "Targets are in steps of 0.5 °C"
  it('keeps the half degree of a target sent as text', () => {
    const h = home(17);
    h.send('{"targetC":"19.5","durationMinutes":"240"}');
    h.run(200);
    const settled = h.seen.slice(80);
    expect(Math.min(...settled)).toBeGreaterThanOrEqual(19.05);
    expect(Math.max(...settled)).toBeLessThanOrEqual(19.95);
  });

  // Stated in README.md: "version 5.2 sends the numbers and the boost switch as text"
  it('does not pre-heat when the boost switch is sent as "false"', () => {
    const h = home(20.9);
    h.send('{"targetC":"21","durationMinutes":"120","boost":"false"}');
    h.run(90);
    expect(Math.max(...h.seen)).toBeLessThanOrEqual(21.45);
  });

  // Stated in src/config.ts: "A boosted override runs the heater flat out for this long before regulating."
  it('pre-heats for 20 minutes when the boost switch is sent as "true"', () => {
    const h = home(20.9);
    h.send('{"targetC":"21","durationMinutes":"120","boost":"true"}');
    h.run(60);
    expect(h.switches[0]).toEqual({ minute: 0, on: true });
    expect(h.switches[1]).toEqual({ minute: 20, on: false });
  });

  // Stated in README.md: "version 5.2 sends the numbers and the boost switch as text"
  it('ends an override after a duration sent as text', () => {
    const h = home(19);
    h.send('{"targetC":"23.5","durationMinutes":"45"}');
    h.run(44);
    expect(h.target()).toBe(23.5);
    h.run(1);
    expect(h.target()).toBe(18);
  });

  // Stated in README.md: "An override the hub cannot understand is refused, and the room keeps following its schedule"
  it('refuses a target that is not a number and keeps the schedule', () => {
    const h = home(19);
    expect(h.send('{"targetC":"warm","durationMinutes":"60"}').accepted).toBe(false);
    expect(h.send('{"targetC":21,"boost":"maybe"}').accepted).toBe(false);
    expect(h.send('{"targetC":"","durationMinutes":"60"}').accepted).toBe(false);
    expect(h.rooms.get('study')?.override).toBeUndefined();
    expect(h.target()).toBe(18);
  });

  // Stated in README.md: "An override the hub cannot understand is refused, and the room keeps following its schedule"
  it('refuses a target outside the allowed range when sent as text', () => {
    const h = home(19);
    expect(h.send('{"targetC":"35"}')).toEqual({ accepted: false, reason: 'target 35 °C is outside 5–30 °C' });
    expect(h.target()).toBe(18);
  });
});
