export type ReminderStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';

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
 * pending -> sending -> sent, or pending -> skipped (appointment cancelled), or back to
 * pending after a failed attempt, and to failed once its attempts are used up.
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

  /**
   * Takes a pending reminder for one sweep. Only one caller can win: a reminder that is
   * already being sent (or is done) is refused, so it is never handed to the provider twice.
   */
  claim(id: string): boolean {
    const reminder = this.require(id);
    if (reminder.status !== 'pending') return false;
    reminder.status = 'sending';
    return true;
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

  /** Counts a failed attempt; the reminder goes back to pending until maxAttempts is reached. */
  recordFailure(id: string, error: string, maxAttempts: number): ReminderStatus {
    const reminder = this.require(id);
    reminder.attempts += 1;
    reminder.lastError = error;
    reminder.status = reminder.attempts >= maxAttempts ? 'failed' : 'pending';
    return reminder.status;
  }

  private require(id: string): Reminder {
    const reminder = this.reminders.get(id);
    if (!reminder) throw new Error(`Unknown reminder ${id}`);
    return reminder;
  }
}
