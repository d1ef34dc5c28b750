import { describe, it, expect } from 'vitest';
import { clinic, result } from '../visible/world';

describe('a result is shown only under its own patient', () => {
  // Stated in src/api/lab-results-api.ts: "A result is only ever shown under the patient it belongs to."
  it('does not print somebody else’s report either', () => {
    const { api } = clinic();
    const response = api.report({ token: 'tok-ines', params: { patientId: 'p-1042', resultId: 'lr-88120' } });
    expect(response).toEqual({ status: 404, body: { error: 'not found' } });
  });

  // Stated in src/api/lab-results-api.ts: "not this patient's answers 404, so that result ids cannot be probed"
  it('answers a stranger’s result exactly like a result that does not exist', () => {
    const { api } = clinic();
    const stranger = api.get({ token: 'tok-farid', params: { patientId: 'p-3377', resultId: 'lr-88101' } });
    const missing = api.get({ token: 'tok-farid', params: { patientId: 'p-3377', resultId: 'lr-99999' } });
    expect(stranger).toEqual(missing);
    expect(stranger.status).toBe(404);
  });

  // Stated in src/auth/sessions.ts: "plus any children or dependants they are registered guardian of"
  // Stated in src/api/lab-results-api.ts: "A result is only ever shown under the patient it belongs to."
  it('shows a child’s result to the guardian under the child’s record, and only there', () => {
    const { api } = clinic();
    expect(api.get({ token: 'tok-ines', params: { patientId: 'p-1043', resultId: 'lr-88102' } })).toMatchObject({ status: 200, body: { id: 'lr-88102', test: 'Vitamin D' } });
    expect(api.report({ token: 'tok-ines', params: { patientId: 'p-1043', resultId: 'lr-88102' } })).toMatchObject({ status: 200 });
    expect(api.get({ token: 'tok-ines', params: { patientId: 'p-1042', resultId: 'lr-88102' } }).status).toBe(404);
    expect(api.get({ token: 'tok-ines', params: { patientId: 'p-1043', resultId: 'lr-88101' } }).status).toBe(404);
  });

  // Stated in src/api/lab-results-api.ts: "A result is only ever shown under the patient it belongs to."
  it('keeps every other patient’s results out of reach, whatever the id', () => {
    const { api, results } = clinic();
    for (let i = 0; i < 20; i++) results.add(result(`lr-7${String(i).padStart(4, '0')}`, `p-${5_000 + i}`, { value: 30 + i }));
    for (let i = 0; i < 20; i++) {
      const resultId = `lr-7${String(i).padStart(4, '0')}`;
      expect(api.get({ token: 'tok-ines', params: { patientId: 'p-1042', resultId } }).status).toBe(404);
      expect(api.report({ token: 'tok-ines', params: { patientId: 'p-1043', resultId } }).status).toBe(404);
    }
    expect(api.get({ token: 'tok-farid', params: { patientId: 'p-3377', resultId: 'lr-88120' } })).toMatchObject({ status: 200, body: { note: 'Please book a follow-up about statins.' } });
  });

  // Stated in src/audit/access-log.ts: "Every request for patient data is recorded, whatever the outcome"
  it('records the refused look-up in the access log', () => {
    const { api, audit } = clinic();
    api.get({ token: 'tok-ines', params: { patientId: 'p-1042', resultId: 'lr-88120' } });
    expect(audit.entries.map(({ at: _at, ...entry }) => entry)).toEqual([{ accountId: 'acc-ines', action: 'view', patientId: 'p-1042', resultId: 'lr-88120', status: 404 }]);
  });
});
