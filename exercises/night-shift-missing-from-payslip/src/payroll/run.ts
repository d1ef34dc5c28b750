import { type WorkerDirectory } from '../staff/workers';
import { payPeriod, periodLabel } from './periods';
import { type Payslip, buildPayslip } from './payslip';
import { type Timesheets } from './timesheets';

export type PayrollRun = {
  period: string;
  payslips: Payslip[];
  totalGrossCents: number;
  warnings: string[];
};

/** Builds the payslips of one four-weekly period for every active worker. */
export function runPayroll(year: number, number: number, directory: WorkerDirectory, timesheets: Timesheets): PayrollRun {
  const period = payPeriod(year, number);
  const payslips: Payslip[] = [];
  const warnings: string[] = [];
  for (const worker of directory.active()) {
    const payslip = buildPayslip(worker, period, timesheets);
    if (payslip.totalHours === 0) warnings.push(`${worker.id} (${worker.name}) has no shifts in ${periodLabel(period)}`);
    payslips.push(payslip);
  }
  for (const shift of timesheets.all()) {
    const clockIn = Date.parse(shift.clockIn);
    if (clockIn >= period.start && clockIn < period.end && !directory.get(shift.workerId)) {
      warnings.push(`shift ${shift.id} belongs to unknown worker ${shift.workerId}`);
    }
  }
  return {
    period: periodLabel(period),
    payslips,
    totalGrossCents: payslips.reduce((sum, payslip) => sum + payslip.grossCents, 0),
    warnings,
  };
}
