import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { ReminderScheduler } from '../../src/reminders/scheduler';
import { ReminderStore } from '../../src/reminders/reminder-store';
import { Outbox } from '../../src/notifications/outbox';

const DAY = 24 * 60 * 60 * 1000;

let scheduler;
let outbox;

beforeEach(() => {
  vi.useFakeTimers();
  outbox = new Outbox();
  scheduler = new ReminderScheduler({ store: new ReminderStore(), outbox });
});

afterEach(() => {
  scheduler.stop();
  vi.useRealTimers();
});

describe('daily reminders', () => {
  it("sends Anna's 09:00 reminder at 09:00 Berlin time every day, including the week the clocks change", async () => {
    vi.setSystemTime(new Date('2026-03-26T12:00:00.000Z'));
    scheduler.start();
    scheduler.save({ id: 'rem_anna_vitd', userId: 'usr_anna', text: 'Take vitamin D', time: '09:00', timeZone: 'Europe/Berlin' });

    await vi.advanceTimersByTimeAsync(6 * DAY);

    expect(outbox.messages({ userId: 'usr_anna' }).map((message) => message.localTime)).toEqual([
      '2026-03-27 09:00',
      '2026-03-28 09:00',
      '2026-03-29 09:00',
      '2026-03-30 09:00',
      '2026-03-31 09:00',
      '2026-04-01 09:00',
    ]);
  });

  it('sends a Tokyo reminder at 21:00 local time every day', async () => {
    vi.setSystemTime(new Date('2026-03-26T00:00:00.000Z'));
    scheduler.start();
    scheduler.save({ id: 'rem_kenji_walk', userId: 'usr_kenji', text: 'Evening walk', time: '21:00', timeZone: 'Asia/Tokyo' });

    await vi.advanceTimersByTimeAsync(3 * DAY);

    expect(outbox.messages({ userId: 'usr_kenji' }).map((message) => message.localTime)).toEqual([
      '2026-03-26 21:00',
      '2026-03-27 21:00',
      '2026-03-28 21:00',
    ]);
  });

  it('moves the next reminder when the user changes time zone', async () => {
    vi.setSystemTime(new Date('2026-01-12T06:00:00.000Z'));
    scheduler.start();
    const reminder = { id: 'rem_lea_water', userId: 'usr_lea', text: 'Drink water', time: '08:00', timeZone: 'Europe/Berlin' };
    scheduler.save(reminder);
    expect(new Date(scheduler.nextDueAt('rem_lea_water')).toISOString()).toBe('2026-01-12T07:00:00.000Z');

    scheduler.save({ ...reminder, timeZone: 'Europe/London' });
    await vi.advanceTimersByTimeAsync(DAY);

    expect(outbox.messages({ userId: 'usr_lea' }).map((message) => [message.localTime, new Date(message.sentAt).toISOString()])).toEqual([
      ['2026-01-12 08:00', '2026-01-12T08:00:00.000Z'],
    ]);
  });

  it('rejects a time zone it does not know', () => {
    vi.setSystemTime(new Date('2026-01-12T06:00:00.000Z'));
    expect(() =>
      scheduler.save({ id: 'rem_x', userId: 'usr_x', text: 'Stretch', time: '10:00', timeZone: 'Europe/Springfield' }),
    ).toThrow(/unknown time zone/);
  });
});
