import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { AppointmentBook } from '../../src/clinic/appointments';
import { reminderConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createReminderDispatcher } from '../../src/reminders/dispatcher';
import { ReminderStore } from '../../src/reminders/reminder-store';
import { scheduleReminder, startReminderScheduler } from '../../src/reminders/scheduler';
import { type SmsMessage } from '../../src/reminders/sms-gateway';

function provider(latencyMs: number) {
  const accepted: SmsMessage[] = [];
  const attempts: string[] = [];
  const failuresLeft = new Map<string, number>();
  return {
    accepted,
    attempts,
    failNextSends(phone: string, times: number) {
      failuresLeft.set(phone, times);
    },
    async send(message: SmsMessage) {
      attempts.push(message.to);
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const left = failuresLeft.get(message.to) ?? 0;
      if (left > 0) {
        failuresLeft.set(message.to, left - 1);
        throw new Error('provider timed out');
      }
      accepted.push(message);
      return { messageId: `SMh${accepted.length}` };
    },
  };
}

function phone(i: number): string {
  return `+4479460${String(i).padStart(5, '0')}`;
}

function world(latencyMs = 450) {
  const appointments = new AppointmentBook();
  const reminders = new ReminderStore();
  const gateway = provider(latencyMs);
  const config = reminderConfig();
  const log = createLogger();
  const dispatcher = createReminderDispatcher({ appointments, reminders, gateway, config, log });
  const ids: string[] = [];
  function book(count: number, startsAt: string, from = 0) {
    for (let i = from; i < from + count; i++) {
      appointments.book({
        id: `apt_h${i}`,
        patientName: `Sam Hidden${i}`,
        patientPhone: phone(i),
        clinicName: 'Canal Wharf Physiotherapy',
        practitioner: 'Dr Ferreira',
        startsAt: Date.parse(startsAt),
      });
      ids.push(scheduleReminder(appointments, reminders, `apt_h${i}`, config).id);
    }
  }
  return { appointments, reminders, gateway, config, log, dispatcher, book, ids };
}

function perPhone(messages: SmsMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message.to, (counts.get(message.to) ?? 0) + 1);
  return counts;
}

describe('reminder delivery, graded', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T06:58:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Stated in README.md: "Every booked appointment gets exactly one reminder text"
  it('texts each of 240 patients exactly once when their reminders fall due together', async () => {
    const w = world(450);
    w.book(240, '2026-01-06T07:00:00.000Z');
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);
    await vi.advanceTimersByTimeAsync(20 * 60 * 1000);
    scheduler.stop();

    const counts = perPhone(w.gateway.accepted);
    expect(counts.size).toBe(240);
    expect(Math.max(...counts.values())).toBe(1);
    expect(w.ids.every((id) => w.reminders.get(id)?.status === 'sent')).toBe(true);
  });

  // Stated in README.md: "Every booked appointment gets exactly one reminder text"
  it('texts each patient once even when the provider takes seconds per message', async () => {
    const w = world(3_500);
    w.book(70, '2026-01-06T07:00:00.000Z');
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);
    await vi.advanceTimersByTimeAsync(30 * 60 * 1000);
    scheduler.stop();

    expect(w.gateway.accepted).toHaveLength(70);
    expect(perPhone(w.gateway.accepted).size).toBe(70);
  });

  // Stated in README.md: "the reminder stays pending and is retried on a later sweep"
  it('retries a reminder the provider could not take and delivers it once', async () => {
    const w = world(450);
    w.book(5, '2026-01-06T07:00:00.000Z');
    w.gateway.failNextSends(phone(2), 1);
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    scheduler.stop();

    expect(w.gateway.accepted.filter((m) => m.to === phone(2))).toHaveLength(1);
    expect(w.gateway.accepted).toHaveLength(5);
    expect(w.reminders.get(w.ids[2] as string)?.status).toBe('sent');
  });

  // Stated in README.md: "the reminder stays pending and is retried on a later sweep"
  it('retries failed sends during a busy sweep without texting anyone twice', async () => {
    const w = world(450);
    w.book(200, '2026-01-06T07:00:00.000Z');
    w.gateway.failNextSends(phone(190), 2);
    w.gateway.failNextSends(phone(20), 1);
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);
    await vi.advanceTimersByTimeAsync(15 * 60 * 1000);
    scheduler.stop();

    const counts = perPhone(w.gateway.accepted);
    expect(counts.size).toBe(200);
    expect(Math.max(...counts.values())).toBe(1);
  });

  // Stated in README.md: "after three failed attempts it is marked failed and shows up in the clinic's"
  // Stated in src/config.ts: "Failed sends are retried on later sweeps; after this many attempts the reminder is given up."
  it('gives a reminder up after three failed attempts', async () => {
    const w = world(450);
    w.book(3, '2026-01-06T07:00:00.000Z');
    w.gateway.failNextSends(phone(1), 10);
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);
    await vi.advanceTimersByTimeAsync(15 * 60 * 1000);
    scheduler.stop();

    expect(w.gateway.attempts.filter((to) => to === phone(1))).toHaveLength(3);
    expect(w.reminders.get(w.ids[1] as string)?.status).toBe('failed');
    expect(w.gateway.accepted.map((m) => m.to)).toEqual([phone(0), phone(2)]);
  });

  // Stated in README.md: "goes out within two minutes of becoming due"
  it('sends a reminder within two minutes of it becoming due', async () => {
    const w = world(450);
    w.book(1, '2026-01-06T07:03:20.000Z');
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    scheduler.stop();

    const reminder = w.reminders.get(w.ids[0] as string);
    expect(reminder?.status).toBe('sent');
    expect((reminder?.sentAt as number) - reminder!.dueAt).toBeLessThanOrEqual(2 * 60 * 1000);
  });

  // Stated in README.md: "Reception can also press **Send due reminders now**"
  // Stated in README.md: "Every booked appointment gets exactly one reminder text"
  it('texts nobody twice when reception presses "send now" during a sweep', async () => {
    const w = world(450);
    w.book(150, '2026-01-06T07:00:00.000Z');
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);
    await vi.advanceTimersByTimeAsync(2 * 60 * 1000 + 20_000);
    const manual = w.dispatcher.sendDue();
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    await manual;
    scheduler.stop();

    expect(w.gateway.accepted).toHaveLength(150);
    expect(perPhone(w.gateway.accepted).size).toBe(150);
  });

  // Stated in README.md: "Every booked appointment gets exactly one reminder text"
  it('texts a parent once for each of the two children booked in at the same time', async () => {
    const w = world(450);
    w.book(30, '2026-01-06T07:00:00.000Z');
    for (const child of ['Mia', 'Leo']) {
      w.appointments.book({
        id: `apt_${child}`,
        patientName: `${child} Adeyemi`,
        patientPhone: '+447946099999',
        clinicName: 'Canal Wharf Physiotherapy',
        practitioner: 'Dr Ferreira',
        startsAt: Date.parse('2026-01-06T07:00:00.000Z'),
      });
      scheduleReminder(w.appointments, w.reminders, `apt_${child}`, w.config);
    }
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    scheduler.stop();

    const toParent = w.gateway.accepted.filter((m) => m.to === '+447946099999').map((m) => m.body.slice(0, 6));
    expect(toParent.sort()).toEqual(['Hi Leo', 'Hi Mia']);
    expect(w.gateway.accepted).toHaveLength(32);
  });

  // Stated in README.md: "A patient whose appointment is cancelled before the reminder goes out gets no text"
  it('does not text a patient whose appointment is cancelled while the sweep is under way', async () => {
    const w = world(450);
    w.book(40, '2026-01-06T07:00:00.000Z');
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);
    await vi.advanceTimersByTimeAsync(2 * 60 * 1000 + 5_000);
    w.appointments.cancel('apt_h35');
    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    scheduler.stop();

    expect(w.gateway.accepted.some((m) => m.to === phone(35))).toBe(false);
    expect(w.gateway.accepted).toHaveLength(39);
    expect(w.reminders.get(w.ids[35] as string)?.status).toBe('skipped');
  });
});
