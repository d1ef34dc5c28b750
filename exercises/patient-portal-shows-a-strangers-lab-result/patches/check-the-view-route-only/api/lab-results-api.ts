import { type AccessLog } from '../audit/access-log';
import { type PortalSession, type SessionStore, mayOpenRecord } from '../auth/sessions';
import { type LabResult, type LabResultStore } from '../records/lab-results';
import { type LabResultDto, reportText, toDto } from './present';

export type Request = { token?: string; params: { patientId: string; resultId?: string } };

export type Response<T> = { status: 200; body: T } | { status: 401 | 403 | 404; body: { error: string } };

const notFound = { status: 404, body: { error: 'not found' } } as const;

/**
 * The portal's lab result endpoints. Every route is scoped to a patient:
 *   GET /patients/:patientId/lab-results
 *   GET /patients/:patientId/lab-results/:resultId
 *   GET /patients/:patientId/lab-results/:resultId/report
 * The caller must be allowed to open that patient's record.
 * A result is only ever shown under the patient it belongs to.
 * A result that is missing, unreleased or not this patient's answers 404, so that result ids cannot be probed.
 */
export function createLabResultsApi(deps: { sessions: SessionStore; results: LabResultStore; audit: AccessLog }) {
  function authorize(request: Request, action: string): PortalSession | Response<never> {
    const session = deps.sessions.resolve(request.token);
    if (!session) {
      deps.audit.record({ accountId: null, action, patientId: request.params.patientId, resultId: request.params.resultId, status: 401 });
      return { status: 401, body: { error: 'sign in again' } };
    }
    if (!mayOpenRecord(session, request.params.patientId)) {
      deps.audit.record({ accountId: session.accountId, action, patientId: request.params.patientId, resultId: request.params.resultId, status: 403 });
      return { status: 403, body: { error: 'you cannot open this record' } };
    }
    return session;
  }

  function releasedResult(resultId: string | undefined): LabResult | undefined {
    const result = resultId ? deps.results.get(resultId) : undefined;
    if (!result || result.releasedAt === null) return undefined;
    return result;
  }

  function respond<T>(session: PortalSession, request: Request, action: string, response: Response<T>): Response<T> {
    deps.audit.record({ accountId: session.accountId, action, patientId: request.params.patientId, resultId: request.params.resultId, status: response.status });
    return response;
  }

  return {
    list(request: Request): Response<LabResultDto[]> {
      const session = authorize(request, 'list');
      if ('status' in session) return session;
      const released = deps.results.listForPatient(request.params.patientId).filter((result) => result.releasedAt !== null);
      return respond(session, request, 'list', { status: 200, body: released.map(toDto) });
    },

    get(request: Request): Response<LabResultDto> {
      const session = authorize(request, 'view');
      if ('status' in session) return session;
      const found = releasedResult(request.params.resultId);
      const result = found && found.patientId === request.params.patientId ? found : undefined;
      const response: Response<LabResultDto> = result ? { status: 200, body: toDto(result) } : notFound;
      return respond(session, request, 'view', response);
    },

    report(request: Request): Response<string> {
      const session = authorize(request, 'report');
      if ('status' in session) return session;
      const result = releasedResult(request.params.resultId);
      const response: Response<string> = result ? { status: 200, body: reportText(result) } : notFound;
      return respond(session, request, 'report', response);
    },
  };
}
