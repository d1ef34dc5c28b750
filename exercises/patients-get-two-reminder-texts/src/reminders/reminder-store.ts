export type ReminderStatus = 'pending' | 'sent' | 'skipped' | 'failed';

export type Reminder = {
  id: string;
  appointmentId: string;
  /** Epoch milliseconds from which the reminder may be sent. */
  dueAt: number;
  status: ReminderStatus;
  attempts: number;
  messageId?: string;
  sentAt?: number;
  lastError?: string;
};

/**
 * The reminders table. A reminder is created when an appointment is booked and goes
 * pending -> sent, or pending -> skipped (appointment cancelled), or pending -> failed
 * once its attempts are used up.
 */
export class ReminderStore {
  private readonly reminders = new Map<string, Reminder>();
  private sequence = 0;

  schedule(appointmentId: string, dueAt: number): Reminder {
    this.sequence += 1;
    const reminder: Reminder = { id: `rem_${String(this.sequence).padStart(5, '0')}`, appointmentId, dueAt, status: 'pending', attempts: 0 };
    this.reminders.set(reminder.id, reminder);
    return { ...reminder };
  }

  get(id: string): Reminder | undefined {
    const reminder = this.reminders.get(id);
    return reminder ? { ...reminder } : undefined;
  }

  /** Pending reminders whose time has come, oldest due first. */
  due(now: number): Reminder[] {
    return [...this.reminders.values()]
      .filter((reminder) => reminder.status === 'pending' && reminder.dueAt <= now)
      .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1))
      .map((reminder) => ({ ...reminder }));
  }

  markSent(id: string, messageId: string, at: number): void {
    const reminder = this.require(id);
    reminder.status = 'sent';
    reminder.messageId = messageId;
    reminder.sentAt = at;
    reminder.attempts += 1;
  }

  markSkipped(id: string, reason: string): void {
    const reminder = this.require(id);
    reminder.status = 'skipped';
    reminder.lastError = reason;
  }

  /** Counts a failed attempt; the reminder stays pending until maxAttempts is reached. */
  recordFailure(id: string, error: string, maxAttempts: number): ReminderStatus {
    const reminder = this.require(id);
    reminder.attempts += 1;
    reminder.lastError = error;
    if (reminder.attempts >= maxAttempts) reminder.status = 'failed';
    return reminder.status;
  }

  private require(id: string): Reminder {
    const reminder = this.reminders.get(id);
    if (!reminder) throw new Error(`Unknown reminder ${id}`);
    return reminder;
  }
}
