import { type Worker } from '../staff/workers';
import { type PayPeriod, periodLabel } from './periods';
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
  const weeks = period.weeks.map((week) => weekLine(week.firstDay, timesheets.startingBetween(worker.id, week.start, week.end)));
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
