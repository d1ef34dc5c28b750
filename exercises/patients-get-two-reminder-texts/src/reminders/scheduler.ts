import { type AppointmentBook } from '../clinic/appointments';
import { type ReminderConfig } from '../config';
import { type Logger } from '../log';
import { type ReminderDispatcher } from './dispatcher';
import { type ReminderStore } from './reminder-store';

export type ReminderScheduler = { stop(): void };

/**
 * Runs in the single reminders worker: every sweepIntervalMs it asks the dispatcher
 * to send whatever has become due. A sweep that throws is logged; the next tick tries again.
 */
export function startReminderScheduler(dispatcher: ReminderDispatcher, config: ReminderConfig, log: Logger): ReminderScheduler {
  const timer = setInterval(() => {
    dispatcher.sendDue().catch((error: unknown) => {
      log.error('sweep.crashed', { error: error instanceof Error ? error.message : String(error) });
    });
  }, config.sweepIntervalMs);
  log.info('scheduler.started', { intervalMs: config.sweepIntervalMs });
  return {
    stop() {
      clearInterval(timer);
      log.info('scheduler.stopped');
    },
  };
}

/** Called by the booking system for every new appointment. */
export function scheduleReminder(appointments: AppointmentBook, reminders: ReminderStore, appointmentId: string, config: ReminderConfig) {
  const appointment = appointments.get(appointmentId);
  if (!appointment) throw new Error(`Unknown appointment ${appointmentId}`);
  const dueAt = appointment.startsAt - config.leadTimeMs;
  return reminders.schedule(appointment.id, Math.max(dueAt, Date.now()));
}
