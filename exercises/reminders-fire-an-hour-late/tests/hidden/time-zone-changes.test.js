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

function localDate(epochMs, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(epochMs));
}

function consecutiveDates(first, count, stepDays = 1) {
  const [y, m, d] = first.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1, d + i * stepDays)).toISOString().slice(0, 10));
}

async function runReminder({ start, days, ...reminder }) {
  vi.setSystemTime(new Date(start));
  scheduler.start();
  scheduler.save({ userId: `usr_${reminder.id}`, text: 'Reminder', ...reminder });
  await vi.advanceTimersByTimeAsync(days * DAY);
  return outbox.messages({ reminderId: reminder.id });
}

function expectAllAt(messages, time, timeZone, firstDate, stepDays = 1) {
  expect(messages.map((m) => m.localTime)).toEqual(consecutiveDates(firstDate, messages.length, stepDays).map((date) => `${date} ${time}`));
  for (const m of messages) expect(localDate(m.sentAt, timeZone)).toBe(m.localTime.slice(0, 10));
}

describe('daily reminders keep their local time across daylight-saving changes', () => {
  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('Europe/Berlin, clocks forward on 29 March', async () => {
    const messages = await runReminder({ id: 'ber_spring', time: '09:00', timeZone: 'Europe/Berlin', start: '2026-03-25T10:00:00.000Z', days: 10 });
    expect(messages).toHaveLength(10);
    expectAllAt(messages, '09:00', 'Europe/Berlin', '2026-03-26');
    const byDate = Object.fromEntries(messages.map((m) => [m.localTime.slice(0, 10), new Date(m.sentAt).toISOString()]));
    expect(byDate['2026-03-28']).toBe('2026-03-28T08:00:00.000Z');
    expect(byDate['2026-03-29']).toBe('2026-03-29T07:00:00.000Z');
  });

  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('Europe/Berlin, clocks back on 25 October', async () => {
    const messages = await runReminder({ id: 'ber_autumn', time: '09:00', timeZone: 'Europe/Berlin', start: '2026-10-21T12:00:00.000Z', days: 8 });
    expect(messages).toHaveLength(8);
    expectAllAt(messages, '09:00', 'Europe/Berlin', '2026-10-22');
  });

  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('Europe/Berlin, a reminder just after midnight local time', async () => {
    const messages = await runReminder({ id: 'ber_midnight', time: '00:15', timeZone: 'Europe/Berlin', start: '2026-03-26T12:00:00.000Z', days: 6 });
    expect(messages).toHaveLength(6);
    expectAllAt(messages, '00:15', 'Europe/Berlin', '2026-03-27');
  });

  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('America/New_York, both changes of the year', async () => {
    const spring = await runReminder({ id: 'nyc_spring', time: '07:30', timeZone: 'America/New_York', start: '2026-03-05T15:00:00.000Z', days: 6 });
    expectAllAt(spring, '07:30', 'America/New_York', '2026-03-06');
    scheduler.stop();
    const autumn = await runReminder({ id: 'nyc_autumn', time: '07:30', timeZone: 'America/New_York', start: '2026-10-29T15:00:00.000Z', days: 6 });
    expect(autumn).toHaveLength(6);
    expectAllAt(autumn, '07:30', 'America/New_York', '2026-10-30');
  });

  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('Australia/Sydney, clocks back on 5 April', async () => {
    const messages = await runReminder({ id: 'syd', time: '18:00', timeZone: 'Australia/Sydney', start: '2026-04-01T12:00:00.000Z', days: 7 });
    expect(messages).toHaveLength(7);
    expectAllAt(messages, '18:00', 'Australia/Sydney', '2026-04-02');
  });

  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('Pacific/Auckland, where the local date is ahead of the UTC date', async () => {
    const messages = await runReminder({ id: 'akl', time: '07:00', timeZone: 'Pacific/Auckland', start: '2026-04-01T22:00:00.000Z', days: 7 });
    expect(messages).toHaveLength(7);
    expectAllAt(messages, '07:00', 'Pacific/Auckland', '2026-04-03');
  });

  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('Australia/Lord_Howe, where the clocks move by half an hour', async () => {
    const messages = await runReminder({ id: 'lhi', time: '06:30', timeZone: 'Australia/Lord_Howe', start: '2026-04-02T00:00:00.000Z', days: 6 });
    expect(messages).toHaveLength(6);
    expectAllAt(messages, '06:30', 'Australia/Lord_Howe', '2026-04-03');
  });

  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('stays on time for a whole year', async () => {
    const messages = await runReminder({ id: 'ber_year', time: '09:00', timeZone: 'Europe/Berlin', start: '2026-01-05T09:00:00.000Z', days: 365 });
    expect(messages).toHaveLength(365);
    expectAllAt(messages, '09:00', 'Europe/Berlin', '2026-01-06');
  });

  // Stated in README.md: "A reminder set for a time the clocks skip goes off as much later that night as the clocks jumped (03:30 for a 02:30 reminder in Berlin on 29 March) and at its usual time again from the next day on."
  it('Europe/Berlin, a reminder set for a time the clocks skip', async () => {
    const messages = await runReminder({ id: 'ber_gap', time: '02:30', timeZone: 'Europe/Berlin', start: '2026-03-26T12:00:00.000Z', days: 5 });
    expect(messages.map((m) => m.localTime)).toEqual([
      '2026-03-27 02:30',
      '2026-03-28 02:30',
      '2026-03-29 03:30',
      '2026-03-30 02:30',
      '2026-03-31 02:30',
    ]);
  });

  // Stated in src/reminders/reminder-store.js: "The saved reminders, with the instant each one is next due."
  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('reports the next due time as the next local 09:00 after a change', async () => {
    await runReminder({ id: 'ber_next', time: '09:00', timeZone: 'Europe/Berlin', start: '2026-03-27T10:00:00.000Z', days: 2 });
    expect(new Date(scheduler.nextDueAt('ber_next')).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});

describe('weekly reminders', () => {
  // Stated in README.md: "every Monday at 08:00"
  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('fire on the same weekday and local time across a change', async () => {
    const messages = await runReminder({
      id: 'ber_weekly',
      time: '08:00',
      timeZone: 'Europe/Berlin',
      cadence: 'weekly',
      weekday: 1,
      start: '2026-03-14T12:00:00.000Z',
      days: 28,
    });
    expect(messages).toHaveLength(4);
    expectAllAt(messages, '08:00', 'Europe/Berlin', '2026-03-16', 7);
  });

  // Stated in README.md: "always in their own time zone"
  // Stated in src/reminders/schedule.js: "on the next day the cadence allows"
  it('fire on the right local weekday in a zone ahead of UTC', async () => {
    const messages = await runReminder({
      id: 'syd_weekly',
      time: '07:45',
      timeZone: 'Australia/Sydney',
      cadence: 'weekly',
      weekday: 7,
      start: '2026-03-20T00:00:00.000Z',
      days: 35,
    });
    expect(messages).toHaveLength(5);
    expectAllAt(messages, '07:45', 'Australia/Sydney', '2026-03-22', 7);
  });
});

describe('many users on one scheduler', () => {
  // Stated in README.md: "always in their own time zone"
  // Stated in README.md: "a reminder goes off at the time the user chose on their own wall clock, every time it is due, whatever daylight saving does in their zone"
  it('keeps every user on their own local time through the March changes', async () => {
    vi.setSystemTime(new Date('2026-03-06T00:00:00.000Z'));
    scheduler.start();
    const users = [
      ['u_berlin', '09:00', 'Europe/Berlin'],
      ['u_lisbon', '08:00', 'Europe/Lisbon'],
      ['u_chicago', '06:45', 'America/Chicago'],
      ['u_kolkata', '10:30', 'Asia/Kolkata'],
      ['u_santiago', '20:00', 'America/Santiago'],
    ];
    for (const [userId, time, timeZone] of users) scheduler.save({ id: `rem_${userId}`, userId, text: 'Check in', time, timeZone });

    await vi.advanceTimersByTimeAsync(30 * DAY);

    for (const [userId, time] of users) {
      const times = outbox.messages({ userId }).map((m) => m.localTime.slice(11));
      expect(times.length, userId).toBeGreaterThanOrEqual(29);
      expect(new Set(times), userId).toEqual(new Set([time]));
    }
  });
});
