import { isValidTimeZone } from '../time/zoned-time';
import { CADENCES, parseTime } from './schedule';

export class InvalidReminderError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InvalidReminderError';
  }
}

/** Checks a reminder as saved from the settings screen and returns a clean copy. */
export function validateReminder(input) {
  const { id, userId, text, time, timeZone, cadence = 'daily', weekday } = input ?? {};
  if (typeof id !== 'string' || id === '') throw new InvalidReminderError('id is required');
  if (typeof userId !== 'string' || userId === '') throw new InvalidReminderError('userId is required');
  if (typeof text !== 'string' || text.trim() === '') throw new InvalidReminderError('text is required');
  if (!parseTime(time)) throw new InvalidReminderError(`time must be HH:MM (24-hour), got ${JSON.stringify(time)}`);
  if (!isValidTimeZone(timeZone)) throw new InvalidReminderError(`unknown time zone ${JSON.stringify(timeZone)}`);
  if (!Object.hasOwn(CADENCES, cadence)) throw new InvalidReminderError(`unknown cadence ${JSON.stringify(cadence)}`);
  if (cadence === 'weekly' && !(Number.isInteger(weekday) && weekday >= 1 && weekday <= 7)) {
    throw new InvalidReminderError('weekly reminders need a weekday from 1 (Monday) to 7 (Sunday)');
  }
  const reminder = { id, userId, text: text.trim(), time, timeZone, cadence };
  if (cadence === 'weekly') reminder.weekday = weekday;
  return reminder;
}

/** The saved reminders, with the instant each one is next due. */
export class ReminderStore {
  #reminders = new Map();

  save(input) {
    const reminder = validateReminder(input);
    const previous = this.#reminders.get(reminder.id);
    this.#reminders.set(reminder.id, { ...reminder, nextDueAt: previous?.nextDueAt ?? null });
    return { ...reminder };
  }

  get(id) {
    const reminder = this.#reminders.get(id);
    return reminder ? { ...reminder } : undefined;
  }

  all() {
    return [...this.#reminders.values()].map((reminder) => ({ ...reminder }));
  }

  remove(id) {
    return this.#reminders.delete(id);
  }

  setNextDueAt(id, epochMs) {
    const reminder = this.#reminders.get(id);
    if (reminder) reminder.nextDueAt = epochMs;
  }
}
