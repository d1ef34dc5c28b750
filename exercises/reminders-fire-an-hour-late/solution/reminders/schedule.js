import { addDays, isoWeekday, zonedDateTimeToEpoch, zonedParts } from '../time/zoned-time';

export const CADENCES = {
  daily: { label: 'Every day', intervalDays: 1 },
  weekly: { label: 'Every week', intervalDays: 7 },
};

/** "07:30" -> { hour: 7, minute: 30 }; null if it is not a valid 24-hour time. */
export function parseTime(text) {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

/**
 * The first instant at or after `fromMs` when the reminder is due: the reminder's
 * local time, in the user's time zone, on the next day the cadence allows.
 */
export function firstDueAt(reminder, fromMs) {
  const { hour, minute } = parseTime(reminder.time);
  const today = zonedParts(fromMs, reminder.timeZone);
  for (let offset = 0; offset <= 8; offset++) {
    const date = addDays(today, offset);
    if (reminder.cadence === 'weekly' && isoWeekday(date) !== reminder.weekday) continue;
    const dueAt = zonedDateTimeToEpoch({ ...date, hour, minute }, reminder.timeZone);
    if (dueAt >= fromMs) return dueAt;
  }
  throw new Error(`reminder ${reminder.id} has no due time after ${new Date(fromMs).toISOString()}`);
}

/**
 * When a reminder that was due at `dueAt` is due next: the same local time, the
 * cadence's number of calendar days later. A calendar day in the user's time zone is
 * not always 24 hours long (23 or 25 when the clocks change), so this cannot be a
 * fixed number of milliseconds.
 */
export function dueAfter(reminder, dueAt) {
  const { hour, minute } = parseTime(reminder.time);
  const dueOn = zonedParts(dueAt, reminder.timeZone);
  const nextDate = addDays(dueOn, CADENCES[reminder.cadence].intervalDays);
  return zonedDateTimeToEpoch({ ...nextDate, hour, minute }, reminder.timeZone);
}

export function describeSchedule(reminder) {
  const days = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const when = reminder.cadence === 'weekly' ? `Every ${days[reminder.weekday]}` : CADENCES[reminder.cadence].label;
  return `${when} at ${reminder.time} (${reminder.timeZone})`;
}
