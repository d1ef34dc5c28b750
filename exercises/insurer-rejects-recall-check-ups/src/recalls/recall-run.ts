import { type LocalDate, addDays, clinicToday, compareDates, laterOf } from '../time/calendar';
import { type PatientRegistry } from '../patients/registry';
import { type Appointment, type Diary } from '../booking/diary';
import { type JobLog } from '../log';
import { coveredFrom } from './policy';
import { type RecallLetter, renderRecallLetter } from './letters';

export type RecallRunOptions = {
  /** Patients whose check-up becomes covered within this many days are recalled now. */
  lookaheadDays?: number;
};

export type SkipReason = 'new-patient' | 'already-booked' | 'not-due-yet' | 'no-free-slot';

export type RecallRunResult = {
  runDate: LocalDate;
  booked: Appointment[];
  letters: RecallLetter[];
  skipped: Array<{ patientId: string; reason: SkipReason }>;
};

const DEFAULT_LOOKAHEAD_DAYS = 42;

/**
 * The weekly recall job: reserves a check-up for every patient whose next routine
 * check-up becomes covered within the lookahead, at the first free chair time of their
 * own dentist on or after the day it is covered, and writes them a letter about it.
 */
export function runRecalls(registry: PatientRegistry, diary: Diary, log: JobLog, options: RecallRunOptions = {}): RecallRunResult {
  const lookaheadDays = options.lookaheadDays ?? DEFAULT_LOOKAHEAD_DAYS;
  if (!Number.isInteger(lookaheadDays) || lookaheadDays < 0) throw new RangeError(`lookaheadDays must be a whole number of days, got ${lookaheadDays}`);

  const runDate = clinicToday();
  const horizon = addDays(runDate, lookaheadDays);
  const result: RecallRunResult = { runDate, booked: [], letters: [], skipped: [] };
  const skip = (patientId: string, reason: SkipReason) => result.skipped.push({ patientId, reason });
  log.info('recall-run.start', { runDate, horizon });

  const candidates = registry
    .all()
    .map((patient) => ({ patient, covered: coveredFrom(patient) }))
    .sort((a, b) => compareDates(a.covered ?? '', b.covered ?? '') || a.patient.id.localeCompare(b.patient.id));

  for (const { patient, covered } of candidates) {
    if (covered === null) {
      skip(patient.id, 'new-patient');
      continue;
    }
    if (diary.nextAppointment(patient.id, runDate)) {
      skip(patient.id, 'already-booked');
      continue;
    }
    if (compareDates(covered, horizon) > 0) {
      skip(patient.id, 'not-due-yet');
      continue;
    }
    const slot = diary.firstFreeSlot(patient.dentistId, laterOf(covered, runDate));
    if (slot === null) {
      log.warn('recall-run.no-free-slot', { patient: patient.id, dentist: patient.dentistId, coveredFrom: covered });
      skip(patient.id, 'no-free-slot');
      continue;
    }
    const appointment = diary.book({ ...slot, patientId: patient.id, kind: 'check-up' });
    result.booked.push(appointment);
    result.letters.push(renderRecallLetter(patient, diary.dentist(patient.dentistId), slot, covered));
    log.info('recall-run.booked', { patient: patient.id, lastCheckUp: patient.lastCheckUp ?? '', slot: `${slot.date} ${slot.time}` });
  }

  log.info('recall-run.done', { booked: result.booked.length, skipped: result.skipped.length });
  return result;
}
