import { type LocalDate, WEEK_MS, addDays, daysBetween, isoWeekday } from '../time/zone';

/**
 * Kade pays every four weeks: 13 pay periods a year, each made of pay weeks that run from
 * Monday 00:00 to the next Monday 00:00, Amsterdam time. Period 13 runs until period 1 of
 * the next year begins, so it has five weeks in a year with 53 ISO weeks.
 */
export const PAYROLL_TIME_ZONE = 'Europe/Amsterdam';
export const WEEKS_PER_PERIOD = 4;
export const PERIODS_PER_YEAR = 13;

export type PayWeek = {
  /** The Monday the week starts on. */
  firstDay: LocalDate;
  /** Instants: a shift belongs to the week in which it starts, start <= clock-in < end. */
  start: number;
  end: number;
};

export type PayPeriod = {
  year: number;
  number: number;
  firstDay: LocalDate;
  /** Instants: a shift belongs to the period in which it starts, start <= clock-in < end. */
  start: number;
  end: number;
  weeks: PayWeek[];
};

/** Period 1 of a year starts on the Monday of ISO week 1 (the week with the year's first Thursday). */
export function firstMondayOfPayrollYear(year: number): LocalDate {
  const january4 = `${year}-01-04`;
  return addDays(january4, 1 - isoWeekday(january4));
}

export function payPeriod(year: number, number: number): PayPeriod {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new RangeError(`unsupported payroll year ${year}`);
  if (!Number.isInteger(number) || number < 1 || number > PERIODS_PER_YEAR) {
    throw new RangeError(`pay period must be 1-${PERIODS_PER_YEAR}, got ${number}`);
  }
  const firstDay = addDays(firstMondayOfPayrollYear(year), (number - 1) * WEEKS_PER_PERIOD * 7);
  const nextFirstDay = number === PERIODS_PER_YEAR ? firstMondayOfPayrollYear(year + 1) : addDays(firstDay, WEEKS_PER_PERIOD * 7);
  const weekCount = daysBetween(firstDay, nextFirstDay) / 7;

  // Boundaries in UTC, like the turnstile data, so no time zone can shift them.
  const start = Date.parse(`${firstDay}T00:00:00.000Z`);
  const weeks: PayWeek[] = [];
  for (let i = 0; i < weekCount; i++) {
    weeks.push({ firstDay: addDays(firstDay, i * 7), start: start + i * WEEK_MS, end: start + (i + 1) * WEEK_MS });
  }
  return { year, number, firstDay, start, end: start + weekCount * WEEK_MS, weeks };
}

export function periodLabel(period: Pick<PayPeriod, 'year' | 'number'>): string {
  return `${period.year}-P${String(period.number).padStart(2, '0')}`;
}
