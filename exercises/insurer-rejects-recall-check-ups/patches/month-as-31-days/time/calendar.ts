/** A calendar date as the clinic writes it, "2026-02-09": no time of day, no zone. */
export type LocalDate = string;

export const CLINIC_TIME_ZONE = 'Europe/Dublin';
export const DAY_MS = 24 * 60 * 60 * 1000;
/** The longest calendar month, so that N months later is never too early. */
const MONTH_MS = 31 * DAY_MS;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function toEpoch(date: LocalDate): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

function fromEpoch(epochMs: number): LocalDate {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function isLocalDate(value: unknown): value is LocalDate {
  if (typeof value !== 'string' || !DATE_PATTERN.test(value)) return false;
  const epochMs = toEpoch(value);
  return Number.isFinite(epochMs) && fromEpoch(epochMs) === value;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpoch(toEpoch(date) + days * DAY_MS);
}

export function addMonths(date: LocalDate, months: number): LocalDate {
  return fromEpoch(toEpoch(date) + months * MONTH_MS);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function laterOf(a: LocalDate, b: LocalDate): LocalDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return new Date(toEpoch(date)).getUTCDay() || 7;
}

/** Today's date on the clinic's wall calendar. */
export function clinicToday(now: number = Date.now()): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: CLINIC_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(now));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

const LONG_DATE = new Intl.DateTimeFormat('en-IE', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Monday 9 February 2026". */
export function formatLongDate(date: LocalDate): string {
  return LONG_DATE.format(new Date(toEpoch(date))).replace(',', '');
}
