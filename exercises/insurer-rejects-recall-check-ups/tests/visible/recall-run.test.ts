import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { PatientRegistry, type Patient } from '../../src/patients/registry';
import { Diary } from '../../src/booking/diary';
import { JobLog } from '../../src/log';
import { runRecalls } from '../../src/recalls/recall-run';

const MONTHS = { periodontal: 3, standard: 6, 'low-risk': 12 } as const;

// The insurer's rule, as printed in the plan's terms (section 4.2).
function insurerPays(lastCheckUp: string, months: number, treated: string): boolean {
  const [y, m, d] = lastCheckUp.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const earliest = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return treated >= earliest;
}

const dentists = [
  { id: 'D-OKAFOR', name: 'Dr Chidi Okafor', workingDays: [1, 2, 3, 4, 5] },
  { id: 'D-BRENNAN', name: 'Dr Aoife Brennan', workingDays: [1, 2, 4] },
];

function patient(id: string, familyName: string, dentistId: string, recallProfile: Patient['recallProfile'], lastCheckUp: string | null): Patient {
  return { id, title: 'Ms', familyName, dentistId, recallProfile, lastCheckUp };
}

// The recall run of Monday 19 January 2026.
function januaryPractice() {
  const registry = new PatientRegistry();
  registry.addAll([
    patient('P-1042', 'Ito', 'D-OKAFOR', 'standard', '2025-08-11'),
    patient('P-1077', 'Murphy', 'D-OKAFOR', 'standard', '2025-08-04'),
    patient('P-1103', 'Kowalski', 'D-BRENNAN', 'periodontal', '2025-11-20'),
    patient('P-1120', 'Nwosu', 'D-BRENNAN', 'standard', '2025-07-21'),
    patient('P-1188', 'Fischer', 'D-OKAFOR', 'low-risk', '2025-02-10'),
    patient('P-1201', 'Byrne', 'D-BRENNAN', 'standard', '2025-03-03'),
    patient('P-1250', 'Silva', 'D-OKAFOR', 'standard', null),
    patient('P-1302', 'Quinn', 'D-OKAFOR', 'standard', '2025-10-02'),
  ]);
  return { registry, diary: new Diary(dentists), log: new JobLog('recalls') };
}

describe('weekly recall run', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-19T07:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('only reserves check-ups that the insurer pays for', () => {
    const { registry, diary, log } = januaryPractice();
    const result = runRecalls(registry, diary, log);

    const rejected = result.booked
      .map((appointment) => ({ appointment, patient: registry.get(appointment.patientId) as Patient }))
      .filter(({ appointment, patient }) => !insurerPays(patient.lastCheckUp as string, MONTHS[patient.recallProfile], appointment.date))
      .map(({ appointment, patient }) => `${patient.id} last=${patient.lastCheckUp} booked=${appointment.date}`);

    expect(result.booked.length).toBeGreaterThan(0);
    expect(rejected).toEqual([]);
  });

  it('books overdue patients at the first free time and writes to them', () => {
    const { registry, diary, log } = januaryPractice();
    const result = runRecalls(registry, diary, log);

    const letter = result.letters.find((l) => l.patientId === 'P-1201');
    expect(letter?.subject).toBe('Your check-up on Monday 19 January 2026');
    expect(letter?.body).toContain('We have reserved Monday 19 January 2026 at 09:00 with Dr Aoife Brennan for you.');
    expect(letter?.body.startsWith('Dear Ms Byrne,\n')).toBe(true);
  });

  it('leaves new patients and patients who already have an appointment alone', () => {
    const { registry, diary, log } = januaryPractice();
    diary.book({ dentistId: 'D-OKAFOR', date: '2026-02-03', time: '14:00', patientId: 'P-1042', kind: 'treatment' });

    const result = runRecalls(registry, diary, log);

    expect(result.skipped).toContainEqual({ patientId: 'P-1042', reason: 'already-booked' });
    expect(result.skipped).toContainEqual({ patientId: 'P-1250', reason: 'new-patient' });
    expect(result.booked.map((appointment) => appointment.patientId)).not.toContain('P-1042');
  });

  it('keeps patients who are not due within six weeks for a later run', () => {
    const { registry, diary, log } = januaryPractice();
    const result = runRecalls(registry, diary, log);

    expect(result.skipped).toContainEqual({ patientId: 'P-1302', reason: 'not-due-yet' });
    expect(result.letters).toHaveLength(result.booked.length);
  });
});
