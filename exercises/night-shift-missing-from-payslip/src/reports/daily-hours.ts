import { type LocalDate, addDays, localDate, startOfLocalDay } from '../time/zone';
import { PAYROLL_TIME_ZONE } from '../payroll/periods';
import { type Timesheets, paidHours } from '../payroll/timesheets';
import { type Worker, type WorkerDirectory } from '../staff/workers';

export type DailyHoursRow = { date: LocalDate; shifts: number; hours: number };

/**
 * The team lead's staffing report: paid hours per calendar day (Amsterdam time) for one
 * team, from `from` to `to` inclusive. A shift counts on the day it starts.
 */
export function dailyHours(directory: WorkerDirectory, timesheets: Timesheets, team: Worker['team'], from: LocalDate, to: LocalDate): DailyHoursRow[] {
  if (to < from) throw new RangeError(`report ends (${to}) before it starts (${from})`);
  const rows = new Map<LocalDate, DailyHoursRow>();
  for (let date = from; date <= to; date = addDays(date, 1)) rows.set(date, { date, shifts: 0, hours: 0 });

  const rangeStart = startOfLocalDay(from, PAYROLL_TIME_ZONE);
  const rangeEnd = startOfLocalDay(addDays(to, 1), PAYROLL_TIME_ZONE);
  for (const worker of directory.active().filter((w) => w.team === team)) {
    for (const shift of timesheets.startingBetween(worker.id, rangeStart, rangeEnd)) {
      const row = rows.get(localDate(Date.parse(shift.clockIn), PAYROLL_TIME_ZONE));
      if (!row) continue;
      row.shifts += 1;
      row.hours = Math.round((row.hours + paidHours(shift)) * 100) / 100;
    }
  }
  return [...rows.values()];
}
