import { type LocalDate, addMonths } from '../time/calendar';
import { type Patient, type RecallProfile } from '../patients/registry';

export const RECALL_INTERVAL_MONTHS: Record<RecallProfile, number> = {
  periodontal: 3,
  standard: 6,
  'low-risk': 12,
};

/**
 * The first date on which the insurer pays for the patient's next routine check-up:
 * the same day of the month, as many months after the last covered check-up as the
 * patient's recall profile says (the last day of the month when that month is shorter).
 * Null for a patient who has never had a covered check-up.
 */
export function coveredFrom(patient: Patient): LocalDate | null {
  if (patient.lastCheckUp === null) return null;
  return addMonths(patient.lastCheckUp, RECALL_INTERVAL_MONTHS[patient.recallProfile]);
}
