import { describe, it, expect } from 'vitest';
import { WorkerDirectory } from '../../src/staff/workers';
import { Timesheets } from '../../src/payroll/timesheets';
import { runPayroll } from '../../src/payroll/run';
import { ams, plusDays } from './amsterdam';

type LocalShift = { id: string; from: string; to: string };

function setup(shifts: LocalShift[]) {
  const directory = new WorkerDirectory();
  directory.add({ id: 'W500', name: 'Noor Jansen', team: 'returns', hourlyRateCents: 2_000, active: true });
  const timesheets = new Timesheets();
  for (const shift of shifts) timesheets.record({ id: shift.id, workerId: 'W500', clockIn: ams(shift.from), clockOut: ams(shift.to) });
  const payslip = (year: number, period: number) => runPayroll(year, period, directory, timesheets).payslips[0]!;
  return { payslip };
}

function shiftsOf(payslip: { weeks: Array<{ firstDay: string; shifts: number }> }) {
  return Object.fromEntries(payslip.weeks.map((week) => [week.firstDay, week.shifts]));
}

describe('pay weeks and periods follow the Amsterdam calendar', () => {
  // Stated in src/payroll/periods.ts: "Monday 00:00 to the next Monday 00:00, Amsterdam time"
  // Stated in src/payroll/periods.ts: "a shift belongs to the period in which it starts"
  it('pays each shift around the October clock change in exactly one period', () => {
    const shifts: LocalShift[] = [
      { id: 'sun-25-oct-2300', from: '2026-10-25 23:00', to: '2026-10-26 07:00' },
      { id: 'sun-01-nov-2300', from: '2026-11-01 23:00', to: '2026-11-02 07:00' },
      { id: 'sun-01-nov-2345', from: '2026-11-01 23:45', to: '2026-11-02 06:00' },
      { id: 'mon-02-nov-0010', from: '2026-11-02 00:10', to: '2026-11-02 08:00' },
      { id: 'sun-04-oct-2330', from: '2026-10-04 23:30', to: '2026-10-05 07:00' },
      { id: 'mon-05-oct-0030', from: '2026-10-05 00:30', to: '2026-10-05 08:00' },
    ];
    const { payslip } = setup(shifts);
    const p10 = payslip(2026, 10);
    const p11 = payslip(2026, 11);
    const p12 = payslip(2026, 12);
    expect(shiftsOf(p10)['2026-09-28']).toBe(1);
    expect(shiftsOf(p11)).toEqual({ '2026-10-05': 1, '2026-10-12': 0, '2026-10-19': 1, '2026-10-26': 2 });
    expect(shiftsOf(p12)['2026-11-02']).toBe(1);
    const paid = [p10, p11, p12].flatMap((p) => p.weeks).reduce((sum, week) => sum + week.shifts, 0);
    expect(paid).toBe(shifts.length);
  });

  // Stated in src/payroll/periods.ts: "Monday 00:00 to the next Monday 00:00, Amsterdam time"
  // Stated in src/payroll/periods.ts: "a shift belongs to the period in which it starts"
  it('pays each shift around the March clock change in exactly one period', () => {
    // Period 4 of 2026 runs from Monday 23 March to Sunday 19 April; the clocks go forward on 29 March.
    const shifts: LocalShift[] = [
      { id: 'sun-29-mar-2300', from: '2026-03-29 23:00', to: '2026-03-30 07:00' },
      { id: 'mon-30-mar-0030', from: '2026-03-30 00:30', to: '2026-03-30 08:00' },
      { id: 'sun-19-apr-2330', from: '2026-04-19 23:30', to: '2026-04-20 07:00' },
      { id: 'mon-20-apr-0030', from: '2026-04-20 00:30', to: '2026-04-20 08:00' },
      { id: 'mon-20-apr-0100', from: '2026-04-20 01:00', to: '2026-04-20 08:00' },
    ];
    const { payslip } = setup(shifts);
    const p4 = payslip(2026, 4);
    const p5 = payslip(2026, 5);
    expect(shiftsOf(p4)).toEqual({ '2026-03-23': 1, '2026-03-30': 1, '2026-04-06': 0, '2026-04-13': 1 });
    expect(shiftsOf(p5)['2026-04-20']).toBe(2);
    expect(p4.weeks.concat(p5.weeks).reduce((sum, week) => sum + week.shifts, 0)).toBe(shifts.length);
  });

  // Stated in src/payroll/payslip.ts: "Hours beyond this many in one pay week are overtime, paid at 150%."
  // Stated in src/payroll/periods.ts: "a shift belongs to the week in which it starts"
  it('works out overtime per calendar week after the clocks go back', () => {
    const shifts: LocalShift[] = [];
    // Four 8-hour nights from Monday 19 October, then Sunday night 25 October: 37.5 paid hours in that week.
    for (const date of ['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-25']) {
      shifts.push({ id: `n-${date}`, from: `${date} 23:00`, to: `${plusDays(date)} 07:00` });
    }
    // Five 8-hour days from Monday 26 October: 37.5 paid hours.
    for (let i = 0; i < 5; i++) {
      const date = plusDays('2026-10-26', i);
      shifts.push({ id: `d-${date}`, from: `${date} 07:00`, to: `${date} 15:00` });
    }
    const p11 = setup(shifts).payslip(2026, 11);
    expect(p11.weeks.map((week) => week.hours)).toEqual([0, 0, 37.5, 37.5]);
    expect(p11.overtimeHours).toBe(0);
    expect(p11.grossCents).toBe(75 * 2_000);
  });

  // Stated in src/payroll/payslip.ts: "Hours beyond this many in one pay week are overtime, paid at 150%."
  // Stated in src/payroll/periods.ts: "a shift belongs to the week in which it starts"
  it('works out overtime per calendar week after the clocks go forward', () => {
    const shifts: LocalShift[] = [];
    // Week of 23 March: five days (37.5 h). Week of 30 March: a Monday 00:30 start and five days.
    for (let i = 0; i < 5; i++) {
      const date = plusDays('2026-03-23', i);
      shifts.push({ id: `a-${date}`, from: `${date} 07:00`, to: `${date} 15:00` });
    }
    shifts.push({ id: 'early-30-mar', from: '2026-03-30 00:30', to: '2026-03-30 06:30' });
    for (let i = 1; i < 6; i++) {
      const date = plusDays('2026-03-30', i);
      shifts.push({ id: `b-${date}`, from: `${date} 07:00`, to: `${date} 15:00` });
    }
    const p4 = setup(shifts).payslip(2026, 4);
    expect(p4.weeks.slice(0, 2).map((week) => ({ hours: week.hours, overtime: week.overtimeHours }))).toEqual([
      { hours: 37.5, overtime: 0 },
      { hours: 43.5, overtime: 3.5 },
    ]);
  });

  // Stated in src/payroll/timesheets.ts: "the time actually worked from clock-in to clock-out"
  it('pays the night the clocks go back as the nine hours actually worked', () => {
    const { payslip } = setup([{ id: 'long-night', from: '2026-10-24 23:00', to: '2026-10-25 07:00' }]);
    const p11 = payslip(2026, 11);
    expect(p11.weeks[2]).toEqual({ firstDay: '2026-10-19', shifts: 1, hours: 8.5, regularHours: 8.5, overtimeHours: 0 });
  });

  // Stated in src/payroll/periods.ts: "so it has five weeks in a year with 53 ISO weeks"
  it('closes 2026 with a five-week period 13 that meets period 1 of 2027', () => {
    const { payslip } = setup([
      { id: 'sun-03-jan-2300', from: '2027-01-03 23:00', to: '2027-01-04 07:00' },
      { id: 'mon-04-jan-0015', from: '2027-01-04 00:15', to: '2027-01-04 06:00' },
      { id: 'mon-30-nov-0015', from: '2026-11-30 00:15', to: '2026-11-30 06:00' },
    ]);
    const p13 = payslip(2026, 13);
    const next = payslip(2027, 1);
    expect(p13.weeks.map((week) => week.firstDay)).toEqual(['2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
    expect(shiftsOf(p13)).toEqual({ '2026-11-30': 1, '2026-12-07': 0, '2026-12-14': 0, '2026-12-21': 0, '2026-12-28': 1 });
    expect(shiftsOf(next)['2027-01-04']).toBe(1);
  });
});
