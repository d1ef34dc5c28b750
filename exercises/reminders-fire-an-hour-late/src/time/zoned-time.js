// Wall-clock arithmetic for IANA time zones, on top of Intl (no date library).
// Instants are epoch milliseconds; local dates are { year, month, day } with month 1-12.

export const MINUTE_MS = 60 * 1000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const WEEKDAYS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map();

function formatterFor(timeZone) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone) {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** What a wall clock in `timeZone` shows at the instant `epochMs`. */
export function zonedParts(epochMs, timeZone) {
  const parts = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(new Date(epochMs))) parts[type] = value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday],
  };
}

/** How far `timeZone` is ahead of UTC at `epochMs`, in minutes (Europe/Berlin in January: 60). */
export function offsetMinutes(epochMs, timeZone) {
  const p = zonedParts(epochMs, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wallAsUtc - Math.floor(epochMs / 1000) * 1000) / MINUTE_MS);
}

/**
 * The instant at which clocks in `timeZone` show the given local date and time.
 * A time that occurs twice (clocks going back) resolves to the first occurrence;
 * a time that never occurs (clocks going forward) moves forward by the gap (02:30 → 03:30).
 */
export function zonedDateTimeToEpoch({ year, month, day, hour, minute }, timeZone) {
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  const offsetBefore = offsetMinutes(wallAsUtc - DAY_MS, timeZone);
  const offsetAfter = offsetMinutes(wallAsUtc + DAY_MS, timeZone);
  const matches = [offsetBefore, offsetAfter]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((epochMs) => {
      const p = zonedParts(epochMs, timeZone);
      return p.year === year && p.month === month && p.day === day && p.hour === hour && p.minute === minute;
    });
  if (matches.length > 0) return Math.min(...matches);
  return wallAsUtc - offsetBefore * MINUTE_MS;
}

/** Calendar arithmetic on a local date, independent of any time zone. */
export function addDays({ year, month, day }, days) {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday of a local date: 1 = Monday ... 7 = Sunday. */
export function isoWeekday({ year, month, day }) {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** "2026-03-30 09:00" as read on a wall clock in `timeZone`. */
export function formatLocal(epochMs, timeZone) {
  const p = zonedParts(epochMs, timeZone);
  const pad = (n) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}
