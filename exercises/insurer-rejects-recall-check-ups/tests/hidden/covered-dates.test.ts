import { describe, it, expect, vi, afterEach } from 'vitest';
import { PatientRegistry, type Patient } from '../../src/patients/registry';
import { Diary } from '../../src/booking/diary';
import { JobLog } from '../../src/log';
import { runRecalls } from '../../src/recalls/recall-run';

const WEEKDAYS = [1, 2, 3, 4, 5];

type Case = { lastCheckUp: string; profile: Patient['recallProfile']; coveredFrom: string; booked: string };

function runOn(today: string, cases: Case[], lookaheadDays = 60) {
  vi.useFakeTimers();
  vi.setSystemTime(new Date(`${today}T08:00:00Z`));
  const registry = new PatientRegistry();
  const dentists = cases.map((_, i) => ({ id: `D-${i}`, name: `Dr Number ${i}`, workingDays: WEEKDAYS }));
  cases.forEach((c, i) => {
    registry.add({ id: `P-${String(2000 + i)}`, title: 'Mr', familyName: `Case${i}`, dentistId: `D-${i}`, recallProfile: c.profile, lastCheckUp: c.lastCheckUp });
  });
  const result = runRecalls(registry, new Diary(dentists), new JobLog('recalls'), { lookaheadDays });
  return cases.map((c, i) => {
    const id = `P-${String(2000 + i)}`;
    const appointment = result.booked.find((a) => a.patientId === id);
    const letter = result.letters.find((l) => l.patientId === id);
    return { ...c, actualBooked: appointment?.date, letter: letter?.body ?? '' };
  });
}

function expectBookedOnFirstCoveredDay(rows: ReturnType<typeof runOn>) {
  expect(rows.map((row) => `${row.lastCheckUp} ${row.profile} -> ${row.actualBooked}`)).toEqual(
    rows.map((row) => `${row.lastCheckUp} ${row.profile} -> ${row.booked}`),
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('recall dates follow the calendar', () => {
  // Stated in src/recalls/policy.ts: "the same day of the month, as many months after the last covered check-up"
  // Stated in src/recalls/recall-run.ts: "own dentist on or after the day it is covered"
  it('books each profile on the first surgery day the check-up is covered, never earlier', () => {
    const rows = runOn('2026-01-19', [
      { lastCheckUp: '2025-08-11', profile: 'standard', coveredFrom: '2026-02-11', booked: '2026-02-11' },
      { lastCheckUp: '2025-08-04', profile: 'standard', coveredFrom: '2026-02-04', booked: '2026-02-04' },
      { lastCheckUp: '2025-07-21', profile: 'standard', coveredFrom: '2026-01-21', booked: '2026-01-21' },
      { lastCheckUp: '2025-11-20', profile: 'periodontal', coveredFrom: '2026-02-20', booked: '2026-02-20' },
      { lastCheckUp: '2025-12-31', profile: 'periodontal', coveredFrom: '2026-03-31', booked: '2026-03-31' },
      { lastCheckUp: '2025-02-10', profile: 'low-risk', coveredFrom: '2026-02-10', booked: '2026-02-10' },
    ], 80);
    expectBookedOnFirstCoveredDay(rows);
  });

  // Stated in src/recalls/policy.ts: "The first date on which the insurer pays for the patient's next routine check-up"
  // Stated in src/recalls/recall-run.ts: "own dentist on or after the day it is covered"
  it('does not make patients wait longer than their recall interval', () => {
    const rows = runOn('2026-01-19', [
      { lastCheckUp: '2025-09-10', profile: 'standard', coveredFrom: '2026-03-10', booked: '2026-03-10' },
      { lastCheckUp: '2025-09-02', profile: 'standard', coveredFrom: '2026-03-02', booked: '2026-03-02' },
      { lastCheckUp: '2025-12-03', profile: 'periodontal', coveredFrom: '2026-03-03', booked: '2026-03-03' },
    ]);
    expectBookedOnFirstCoveredDay(rows);
  });

  // Stated in src/recalls/policy.ts: "the last day of the month when that month is shorter"
  it('uses the last day of a shorter month', () => {
    const rows = runOn('2026-01-19', [
      { lastCheckUp: '2025-08-31', profile: 'standard', coveredFrom: '2026-02-28', booked: '2026-03-02' },
      { lastCheckUp: '2025-08-28', profile: 'standard', coveredFrom: '2026-02-28', booked: '2026-03-02' },
      { lastCheckUp: '2025-11-30', profile: 'periodontal', coveredFrom: '2026-02-28', booked: '2026-03-02' },
      { lastCheckUp: '2025-12-30', profile: 'periodontal', coveredFrom: '2026-03-30', booked: '2026-03-30' },
    ], 70);
    expectBookedOnFirstCoveredDay(rows);
    expect(rows[0]?.letter).toContain('Your dental plan covers it from Saturday 28 February 2026.');
  });

  // Stated in src/recalls/policy.ts: "the last day of the month when that month is shorter"
  it('handles 29 February in a leap year', () => {
    const rows = runOn('2028-01-20', [
      { lastCheckUp: '2027-08-31', profile: 'standard', coveredFrom: '2028-02-29', booked: '2028-02-29' },
      { lastCheckUp: '2027-11-29', profile: 'periodontal', coveredFrom: '2028-02-29', booked: '2028-02-29' },
      { lastCheckUp: '2027-02-28', profile: 'low-risk', coveredFrom: '2028-02-28', booked: '2028-02-28' },
      { lastCheckUp: '2027-03-01', profile: 'low-risk', coveredFrom: '2028-03-01', booked: '2028-03-01' },
    ]);
    expectBookedOnFirstCoveredDay(rows);
    expect(rows[0]?.letter).toContain('Your dental plan covers it from Tuesday 29 February 2028.');
  });

  // Stated in src/recalls/recall-run.ts: "check-up becomes covered within the lookahead"
  it('recalls a patient whose check-up becomes covered on the last day of the lookahead, and not one a day later', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-19T08:00:00Z'));
    const registry = new PatientRegistry();
    registry.add({ id: 'P-3001', title: 'Dr', familyName: 'Edge', dentistId: 'D-1', recallProfile: 'standard', lastCheckUp: '2025-08-02' });
    registry.add({ id: 'P-3002', title: 'Dr', familyName: 'Past', dentistId: 'D-1', recallProfile: 'standard', lastCheckUp: '2025-08-03' });
    const diary = new Diary([{ id: 'D-1', name: 'Dr One', workingDays: WEEKDAYS }]);
    const result = runRecalls(registry, diary, new JobLog('recalls'), { lookaheadDays: 14 });
    expect(result.booked.map((a) => `${a.patientId} ${a.date}`)).toEqual(['P-3001 2026-02-02']);
    expect(result.skipped).toContainEqual({ patientId: 'P-3002', reason: 'not-due-yet' });
  });

  // Stated in src/recalls/recall-run.ts: "own dentist on or after the day it is covered"
  it('books a patient whose check-up becomes covered on the day of the run on that day', () => {
    const rows = runOn('2026-01-21', [{ lastCheckUp: '2025-07-21', profile: 'standard', coveredFrom: '2026-01-21', booked: '2026-01-21' }]);
    expectBookedOnFirstCoveredDay(rows);
    expect(rows[0]?.letter).toContain('Your dental plan covers it from Wednesday 21 January 2026.');
  });
});
