import { describe, it, expect } from 'vitest';
import { clinic } from './world';

describe('lab results in the patient portal', () => {
  it('shows a patient their own released result', () => {
    const { api } = clinic();
    expect(api.get({ token: 'tok-ines', params: { patientId: 'p-1042', resultId: 'lr-88101' } })).toEqual({
      status: 200,
      body: { id: 'lr-88101', test: 'Ferritin', value: '18 µg/L', flag: 'normal', referenceRange: '15–150 µg/L', collectedOn: '2026-01-02', note: null },
    });
  });

  it('never shows a patient somebody else’s result', () => {
    const { api } = clinic();
    const response = api.get({ token: 'tok-ines', params: { patientId: 'p-1042', resultId: 'lr-88120' } });
    expect(response.status).toBe(404);
  });

  it('keeps results the clinician has not released yet out of the portal', () => {
    const { api } = clinic();
    expect(api.get({ token: 'tok-ines', params: { patientId: 'p-1042', resultId: 'lr-88121' } }).status).toBe(404);
    expect(api.list({ token: 'tok-ines', params: { patientId: 'p-1042' } })).toMatchObject({ status: 200, body: [{ id: 'lr-88101' }] });
  });

  it('refuses to open a record the account has no access to', () => {
    const { api } = clinic();
    expect(api.list({ token: 'tok-farid', params: { patientId: 'p-1042' } })).toEqual({ status: 403, body: { error: 'you cannot open this record' } });
  });

  it('lets a guardian see their child’s results', () => {
    const { api } = clinic();
    const response = api.list({ token: 'tok-ines', params: { patientId: 'p-1043' } });
    expect(response).toMatchObject({ status: 200, body: [{ id: 'lr-88102', test: 'Vitamin D', flag: 'low', note: 'Drops, 400 IU a day.' }] });
  });

  it('asks for a new sign-in without a valid session', () => {
    const { api } = clinic();
    expect(api.get({ params: { patientId: 'p-1042', resultId: 'lr-88101' } }).status).toBe(401);
    expect(api.get({ token: 'tok-unknown', params: { patientId: 'p-1042', resultId: 'lr-88101' } }).status).toBe(401);
  });
});
