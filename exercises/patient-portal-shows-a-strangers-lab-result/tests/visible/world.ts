import { AccessLog } from '../../src/audit/access-log';
import { SessionStore } from '../../src/auth/sessions';
import { type LabResult, LabResultStore } from '../../src/records/lab-results';
import { createLabResultsApi } from '../../src/api/lab-results-api';

export function result(id: string, patientId: string, extra: Partial<LabResult> = {}): LabResult {
  return {
    id,
    patientId,
    test: 'HbA1c',
    value: 41,
    unit: 'mmol/mol',
    referenceRange: { low: 20, high: 42 },
    collectedAt: '2026-01-02T08:10:00.000Z',
    releasedAt: '2026-01-03T16:00:00.000Z',
    ...extra,
  };
}

/**
 * Ines (p-1042) has her own record and is guardian of her son Mateo (p-1043).
 * Farid (p-3377) is an unrelated patient of the same clinic.
 */
export function clinic() {
  const sessions = new SessionStore();
  const results = new LabResultStore();
  const audit = new AccessLog();
  results.add(result('lr-88101', 'p-1042', { test: 'Ferritin', value: 18, unit: 'µg/L', referenceRange: { low: 15, high: 150 } }));
  results.add(result('lr-88102', 'p-1043', { test: 'Vitamin D', value: 38, unit: 'nmol/L', referenceRange: { low: 50, high: 125 }, clinicianNote: 'Drops, 400 IU a day.' }));
  results.add(result('lr-88120', 'p-3377', { test: 'LDL cholesterol', value: 4.6, unit: 'mmol/L', referenceRange: { low: 0, high: 3 }, clinicianNote: 'Please book a follow-up about statins.' }));
  results.add(result('lr-88121', 'p-1042', { test: 'TSH', releasedAt: null }));
  sessions.open('tok-ines', 'acc-ines', ['p-1042', 'p-1043']);
  sessions.open('tok-farid', 'acc-farid', ['p-3377']);
  return { api: createLabResultsApi({ sessions, results, audit }), audit, results, sessions };
}
