import { type AppointmentBook } from '../clinic/appointments';
import { type ReminderConfig } from '../config';
import { type Logger } from '../log';
import { renderReminder } from './message';
import { type Reminder, type ReminderStore } from './reminder-store';
import { type SmsGateway, SmsRejectedError, segmentCount } from './sms-gateway';

export type SweepSummary = { due: number; sent: number; skipped: number; failed: number };

export type ReminderDispatcher = {
  /** Sends every reminder that has become due; resolves with what this sweep did. */
  sendDue(): Promise<SweepSummary>;
};

export type DispatcherDeps = {
  appointments: AppointmentBook;
  reminders: ReminderStore;
  gateway: SmsGateway;
  config: ReminderConfig;
  log: Logger;
};

function errorText(error: unknown): string {
  if (error instanceof SmsRejectedError) return `rejected: ${error.code}`;
  return error instanceof Error ? error.message : String(error);
}

export function createReminderDispatcher(deps: DispatcherDeps): ReminderDispatcher {
  const { appointments, reminders, gateway, config, log } = deps;
  const recentlyTexted = new Map<string, number>();

  async function deliver(reminder: Reminder, summary: SweepSummary): Promise<void> {
    const appointment = appointments.get(reminder.appointmentId);
    if (!appointment || appointment.status !== 'booked') {
      reminders.markSkipped(reminder.id, appointment ? `appointment ${appointment.status}` : 'appointment not found');
      summary.skipped += 1;
      return;
    }
    const body = renderReminder(appointment, config.timeZone);
    const lastTexted = recentlyTexted.get(appointment.patientPhone);
    if (lastTexted !== undefined && Date.now() - lastTexted < 10 * 60 * 1000) return;
    recentlyTexted.set(appointment.patientPhone, Date.now());
    try {
      const receipt = await gateway.send({ to: appointment.patientPhone, body });
      reminders.markSent(reminder.id, receipt.messageId, Date.now());
      summary.sent += 1;
      log.info('reminder.sent', { reminder: reminder.id, appointment: appointment.id, segments: segmentCount(body), messageId: receipt.messageId });
    } catch (error) {
      const status = reminders.recordFailure(reminder.id, errorText(error), config.maxAttempts);
      summary.failed += 1;
      log.warn('reminder.failed', { reminder: reminder.id, appointment: appointment.id, error: errorText(error), status });
    }
  }

  return {
    async sendDue() {
      const due = reminders.due(Date.now());
      const summary: SweepSummary = { due: due.length, sent: 0, skipped: 0, failed: 0 };
      log.info('sweep.start', { due: due.length });
      // One message at a time: the provider account allows a single request in flight.
      for (const reminder of due) {
        await deliver(reminder, summary);
      }
      log.info('sweep.done', { ...summary });
      return summary;
    },
  };
}
