import { type LocalDate, formatLongDate } from '../time/calendar';
import { type Patient } from '../patients/registry';
import { type Dentist, type Slot } from '../booking/diary';

export type RecallLetter = {
  patientId: string;
  subject: string;
  body: string;
};

export function renderRecallLetter(patient: Patient, dentist: Dentist, slot: Slot, coveredFromDate: LocalDate): RecallLetter {
  const body = [
    `Dear ${patient.title} ${patient.familyName},`,
    '',
    `It is time for your routine check-up. Your dental plan covers it from ${formatLongDate(coveredFromDate)}.`,
    `We have reserved ${formatLongDate(slot.date)} at ${slot.time} with ${dentist.name} for you.`,
    'If that does not suit you, reply to this letter or call reception on 01 555 0142 and we will find another time.',
    '',
    'Harbour Lane Dental',
  ].join('\n');
  return { patientId: patient.id, subject: `Your check-up on ${formatLongDate(slot.date)}`, body };
}
