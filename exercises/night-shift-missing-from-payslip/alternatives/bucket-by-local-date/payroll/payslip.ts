import { DAY_MS, addDays, localDate } from '../time/zone';
import { type Worker } from '../staff/workers';
import { PAYROLL_TIME_ZONE, type PayPeriod, periodLabel } from './periods';
import { type Shift, type Timesheets, paidHours } from './timesheets';

/** Hours beyond this many in one pay week are overtime, paid at 150%. */
export const WEEKLY_HOURS_BEFORE_OVERTIME = 40;
const OVERTIME_FACTOR = 1.5;

export type PayslipWeek = {
  firstDay: string;
  shifts: number;
  hours: number;
  regularHours: number;
  overtimeHours: number;
};

export type Payslip = {
  workerId: string;
  period: string;
  weeks: PayslipWeek[];
  totalHours: number;
  overtimeHours: number;
  grossCents: number;
};

const roundHours = (hours: number) => Math.round(hours * 100) / 100;

function weekLine(firstDay: string, shifts: Shift[]): PayslipWeek {
  const hours = shifts.reduce((sum, shift) => sum + paidHours(shift), 0);
  const regularHours = Math.min(hours, WEEKLY_HOURS_BEFORE_OVERTIME);
  return {
    firstDay,
    shifts: shifts.length,
    hours: roundHours(hours),
    regularHours: roundHours(regularHours),
    overtimeHours: roundHours(hours - regularHours),
  };
}

export function buildPayslip(worker: Worker, period: PayPeriod, timesheets: Timesheets): Payslip {
  // Weeks are calendar weeks on the Amsterdam wall clock: a shift belongs to the week that
  // contains the local date of its clock-in. The instant window only narrows the search.
  const candidates = timesheets.startingBetween(worker.id, period.start - DAY_MS, period.end + DAY_MS);
  const weeks = period.weeks.map((week) => {
    const lastDay = addDays(week.firstDay, 6);
    const inWeek = candidates.filter((shift) => {
      const date = localDate(Date.parse(shift.clockIn), PAYROLL_TIME_ZONE);
      return date >= week.firstDay && date <= lastDay;
    });
    return weekLine(week.firstDay, inWeek);
  });
  const regularHours = weeks.reduce((sum, week) => sum + week.regularHours, 0);
  const overtimeHours = weeks.reduce((sum, week) => sum + week.overtimeHours, 0);
  const grossCents = Math.round(regularHours * worker.hourlyRateCents + overtimeHours * worker.hourlyRateCents * OVERTIME_FACTOR);
  return {
    workerId: worker.id,
    period: periodLabel(period),
    weeks,
    totalHours: roundHours(regularHours + overtimeHours),
    overtimeHours: roundHours(overtimeHours),
    grossCents,
  };
}
