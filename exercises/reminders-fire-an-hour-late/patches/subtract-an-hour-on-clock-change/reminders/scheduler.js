import { DAY_MS, HOUR_MS, offsetMinutes } from '../time/zoned-time';
import { CADENCES, firstDueAt } from './schedule';

/**
 * Keeps one timer per reminder and sends each reminder through the outbox when it is
 * due. After a restart it picks every reminder up at its next due time; reminders
 * that fell due while it was down are skipped, not sent late.
 */
export class ReminderScheduler {
  #store;
  #outbox;
  #timers = new Map();
  #running = false;

  constructor({ store, outbox }) {
    this.#store = store;
    this.#outbox = outbox;
  }

  start() {
    if (this.#running) return;
    this.#running = true;
    const now = Date.now();
    for (const reminder of this.#store.all()) this.#arm(reminder.id, firstDueAt(reminder, now));
  }

  stop() {
    this.#running = false;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }

  /** Saves a new or changed reminder and (re)schedules it from now. */
  save(input) {
    const reminder = this.#store.save(input);
    if (this.#running) this.#arm(reminder.id, firstDueAt(reminder, Date.now()));
    return this.#store.get(reminder.id);
  }

  remove(id) {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    return this.#store.remove(id);
  }

  nextDueAt(id) {
    return this.#store.get(id)?.nextDueAt ?? null;
  }

  #arm(id, dueAt) {
    clearTimeout(this.#timers.get(id));
    this.#store.setNextDueAt(id, dueAt);
    const timer = setTimeout(() => this.#fire(id, dueAt), Math.max(0, dueAt - Date.now()));
    this.#timers.set(id, timer);
  }

  #fire(id, dueAt) {
    this.#timers.delete(id);
    const reminder = this.#store.get(id);
    if (!reminder || !this.#running) return;
    this.#outbox.send({ reminder, dueAt });
    // Count from when the reminder was due, not from when the timer ran, so a
    // timer that fires a little late does not push every later reminder back.
    const intervalMs = CADENCES[reminder.cadence].intervalDays * DAY_MS;
    const next = dueAt + intervalMs;
    // Daylight saving: an hour less after the clocks go forward, an hour more after they go back.
    const before = offsetMinutes(dueAt, reminder.timeZone);
    const after = offsetMinutes(next, reminder.timeZone);
    const shiftMs = after > before ? -HOUR_MS : after < before ? HOUR_MS : 0;
    this.#arm(id, next + shiftMs);
  }
}
