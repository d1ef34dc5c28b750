import { type LocalDate } from '../time/calendar';
import { type Patient, type RecallProfile } from '../patients/registry';

export const RECALL_INTERVAL_MONTHS: Record<RecallProfile, number> = {
  periodontal: 3,
  standard: 6,
  'low-risk': 12,
};

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/**
 * The first date on which the insurer pays for the patient's next routine check-up:
 * the same day of the month, as many months after the last covered check-up as the
 * patient's recall profile says (the last day of the month when that month is shorter).
 * Null for a patient who has never had a covered check-up.
 */
export function coveredFrom(patient: Patient): LocalDate | null {
  if (patient.lastCheckUp === null) return null;
  const [year, month, day] = patient.lastCheckUp.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + RECALL_INTERVAL_MONTHS[patient.recallProfile];
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(targetDay, 2)}`;
}
