import { describe, it, expect } from 'vitest';
import { WorkerDirectory } from '../../src/staff/workers';
import { Timesheets, TimesheetError } from '../../src/payroll/timesheets';
import { runPayroll } from '../../src/payroll/run';
import { dailyHours } from '../../src/reports/daily-hours';
import { ams, nextDay } from './amsterdam';

// Period 11 of 2026: Monday 5 October to Sunday 1 November.
const WEEKS_OF_P11 = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'];

function night(id: string, workerId: string, date: string) {
  return { id, workerId, clockIn: ams(`${date} 23:00`), clockOut: ams(`${nextDay(date)} 07:00`) };
}

function day(id: string, workerId: string, date: string) {
  return { id, workerId, clockIn: ams(`${date} 07:00`), clockOut: ams(`${date} 15:00`) };
}

function warehouse() {
  const directory = new WorkerDirectory();
  directory.add({ id: 'W1042', name: 'Sam de Vries', team: 'outbound', hourlyRateCents: 1_650, active: true });
  directory.add({ id: 'W2077', name: 'Jan Bakker', team: 'outbound', hourlyRateCents: 1_580, active: true });
  directory.add({ id: 'W3101', name: 'Fatima El Idrissi', team: 'inbound', hourlyRateCents: 1_720, active: true });
  const timesheets = new Timesheets();

  // Sam works nights, Sunday to Thursday.
  for (const monday of WEEKS_OF_P11) {
    for (const offset of [0, 1, 2, 3, 6]) timesheets.record(night(`S-${nextDay(monday, offset)}`, 'W1042', nextDay(monday, offset)));
  }
  // Jan covers days, and the Sunday night of the week of 19 October.
  for (const date of ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22']) timesheets.record(day(`J-${date}`, 'W2077', date));
  timesheets.record(night('J-2026-10-25', 'W2077', '2026-10-25'));
  for (const date of ['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30']) timesheets.record(day(`J-${date}`, 'W2077', date));
  // Fatima did six day shifts in the week of 12 October.
  for (let offset = 0; offset < 6; offset++) timesheets.record(day(`F-${offset}`, 'W3101', nextDay('2026-10-12', offset)));

  return { directory, timesheets };
}

describe('payroll of period 11', () => {
  it('pays Sam for every night shift he worked in the period', () => {
    const { directory, timesheets } = warehouse();
    const sam = runPayroll(2026, 11, directory, timesheets).payslips.find((p) => p.workerId === 'W1042');

    expect(sam?.weeks.reduce((sum, week) => sum + week.shifts, 0)).toBe(20);
    expect(sam?.totalHours).toBe(150);
  });

  it('pays no overtime to Jan, who never worked more than 40 hours in a week', () => {
    const { directory, timesheets } = warehouse();
    const jan = runPayroll(2026, 11, directory, timesheets).payslips.find((p) => p.workerId === 'W2077');

    expect(jan?.weeks.map((week) => week.hours)).toEqual([0, 0, 37.5, 37.5]);
    expect(jan?.overtimeHours).toBe(0);
    expect(jan?.grossCents).toBe(75 * 1_580);
  });

  it('pays overtime at 150% for the hours beyond 40 in a week', () => {
    const { directory, timesheets } = warehouse();
    const fatima = runPayroll(2026, 11, directory, timesheets).payslips.find((p) => p.workerId === 'W3101');

    expect(fatima?.weeks[1]).toEqual({ firstDay: '2026-10-12', shifts: 6, hours: 45, regularHours: 40, overtimeHours: 5 });
    expect(fatima?.grossCents).toBe(40 * 1_720 + 5 * 1_720 * 1.5);
  });

  it('labels the payslips with the period', () => {
    const { directory, timesheets } = warehouse();
    const run = runPayroll(2026, 11, directory, timesheets);
    expect(run.period).toBe('2026-P11');
    expect(run.payslips.map((p) => p.weeks.map((week) => week.firstDay))).toEqual([WEEKS_OF_P11, WEEKS_OF_P11, WEEKS_OF_P11]);
  });
});

describe('timesheets and reports', () => {
  it('refuses a shift that ends before it starts', () => {
    const timesheets = new Timesheets();
    expect(() => timesheets.record({ id: 'X', workerId: 'W1042', clockIn: ams('2026-10-05 23:00'), clockOut: ams('2026-10-05 07:00') })).toThrow(TimesheetError);
  });

  it("gives the team lead the outbound team's hours per day", () => {
    const { directory, timesheets } = warehouse();
    const rows = dailyHours(directory, timesheets, 'outbound', '2026-10-24', '2026-10-27');
    expect(rows).toEqual([
      { date: '2026-10-24', shifts: 0, hours: 0 },
      { date: '2026-10-25', shifts: 2, hours: 15 },
      { date: '2026-10-26', shifts: 2, hours: 15 },
      { date: '2026-10-27', shifts: 2, hours: 15 },
    ]);
  });
});
