import { HOUR_MS } from '../time/zone';

/** One clocked shift, as the turnstiles report it (ISO instants in UTC). */
export type Shift = {
  id: string;
  workerId: string;
  clockIn: string;
  clockOut: string;
};

const MAX_SHIFT_HOURS = 14;

export class TimesheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimesheetError';
  }
}

export class Timesheets {
  private readonly shifts: Shift[] = [];

  record(shift: Shift): void {
    const clockIn = Date.parse(shift.clockIn);
    const clockOut = Date.parse(shift.clockOut);
    if (Number.isNaN(clockIn) || Number.isNaN(clockOut)) throw new TimesheetError(`shift ${shift.id}: unreadable clock times`);
    if (clockOut <= clockIn) throw new TimesheetError(`shift ${shift.id}: clock-out is not after clock-in`);
    if (clockOut - clockIn > MAX_SHIFT_HOURS * HOUR_MS) throw new TimesheetError(`shift ${shift.id}: longer than ${MAX_SHIFT_HOURS} hours`);
    if (this.shifts.some((existing) => existing.id === shift.id)) throw new TimesheetError(`shift ${shift.id}: recorded twice`);
    this.shifts.push({ ...shift });
  }

  /** The worker's shifts that start (clock in) at or after `from` and before `to`, oldest first. */
  startingBetween(workerId: string, from: number, to: number): Shift[] {
    return this.shifts
      .filter((shift) => shift.workerId === workerId)
      .filter((shift) => {
        const clockIn = Date.parse(shift.clockIn);
        return clockIn >= from && clockIn < to;
      })
      .sort((a, b) => Date.parse(a.clockIn) - Date.parse(b.clockIn))
      .map((shift) => ({ ...shift }));
  }

  all(): Shift[] {
    return this.shifts.map((shift) => ({ ...shift }));
  }
}

/**
 * Paid hours of a shift: the time actually worked from clock-in to clock-out (so the
 * night the clocks go back is an hour longer), minus the unpaid 30-minute break of any
 * shift longer than 6 hours.
 */
export function paidHours(shift: Shift): number {
  const worked = (Date.parse(shift.clockOut) - Date.parse(shift.clockIn)) / HOUR_MS;
  return worked > 6 ? worked - 0.5 : worked;
}
