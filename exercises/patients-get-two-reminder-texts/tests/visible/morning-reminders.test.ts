import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { AppointmentBook } from '../../src/clinic/appointments';
import { reminderConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { createReminderDispatcher } from '../../src/reminders/dispatcher';
import { ReminderStore } from '../../src/reminders/reminder-store';
import { scheduleReminder, startReminderScheduler } from '../../src/reminders/scheduler';
import { type SmsMessage } from '../../src/reminders/sms-gateway';

const CLINICS = ['Riverside Physio', 'Northgate Dental', 'Elm Street Podiatry', 'Harbour Eye Care'];
const PRACTITIONERS = ['Dr Okafor', 'Dr Lindqvist', 'Dr Patel', 'Dr Byrne', 'Dr Nowak'];

// The provider accepts one message roughly every 450 ms, as it did on Monday morning.
function fakeProvider(latencyMs = 450) {
  const accepted: SmsMessage[] = [];
  return {
    accepted,
    async send(message: SmsMessage) {
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
      accepted.push(message);
      return { messageId: `SM${String(accepted.length).padStart(6, '0')}` };
    },
  };
}

function world(latencyMs?: number) {
  const appointments = new AppointmentBook();
  const reminders = new ReminderStore();
  const gateway = fakeProvider(latencyMs);
  const config = reminderConfig();
  const log = createLogger();
  const dispatcher = createReminderDispatcher({ appointments, reminders, gateway, config, log });
  function book(count: number, startsAt: string, prefix = 'apt') {
    for (let i = 0; i < count; i++) {
      appointments.book({
        id: `${prefix}_${i}`,
        patientName: `Patient ${i}`,
        patientPhone: `+4477009${String(10_000 + i).padStart(5, '0')}`,
        clinicName: CLINICS[i % CLINICS.length] as string,
        practitioner: PRACTITIONERS[i % PRACTITIONERS.length] as string,
        startsAt: Date.parse(startsAt),
      });
      scheduleReminder(appointments, reminders, `${prefix}_${i}`, config);
    }
  }
  return { appointments, reminders, gateway, config, log, dispatcher, book };
}

function textsPerPhone(messages: SmsMessage[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message.to, (counts.get(message.to) ?? 0) + 1);
  return counts;
}

describe('reminder texts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T08:55:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends one text per patient for Tuesday's 09:00 appointments", async () => {
    const w = world();
    w.book(180, '2026-01-06T09:00:00.000Z');
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);

    await vi.advanceTimersByTimeAsync(15 * 60 * 1000);
    scheduler.stop();

    const counts = textsPerPhone(w.gateway.accepted);
    const textedTwice = [...counts].filter(([, n]) => n > 1).map(([phone]) => phone);
    expect(counts.size).toBe(180);
    expect(textedTwice.length).toBe(0);
    expect(w.gateway.accepted).toHaveLength(180);
  });

  it('sends every reminder on a quiet morning', async () => {
    const w = world();
    w.book(6, '2026-01-06T09:20:00.000Z');
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);

    await vi.advanceTimersByTimeAsync(30 * 60 * 1000);
    scheduler.stop();

    expect(w.gateway.accepted).toHaveLength(6);
    expect(w.reminders.get('rem_00001')?.status).toBe('sent');
  });

  it('names the practitioner, the clinic and the local time', async () => {
    const w = world();
    w.book(1, '2026-01-06T09:00:00.000Z');

    await vi.advanceTimersByTimeAsync(5 * 60 * 1000);
    const sweep = w.dispatcher.sendDue();
    await vi.advanceTimersByTimeAsync(1000);
    expect(await sweep).toEqual({ due: 1, sent: 1, skipped: 0, failed: 0 });

    expect(w.gateway.accepted.map((m) => m.body)).toEqual([
      'Hi Patient, a reminder of your appointment with Dr Okafor at Riverside Physio on Tue 6 Jan at 09:00. Reply C to cancel.',
    ]);
  });

  it('does not text patients whose appointment was cancelled', async () => {
    const w = world();
    w.book(4, '2026-01-06T09:00:00.000Z');
    w.appointments.cancel('apt_2');
    const scheduler = startReminderScheduler(w.dispatcher, w.config, w.log);

    await vi.advanceTimersByTimeAsync(10 * 60 * 1000);
    scheduler.stop();

    expect(w.gateway.accepted.map((m) => m.to)).toEqual(['+447700910000', '+447700910001', '+447700910003']);
    expect(w.reminders.get('rem_00003')?.status).toBe('skipped');
  });
});
