import { RequestPool } from './pool';

export type Transport = (request: { service: string; method: 'GET' | 'POST'; path: string; body?: unknown }) => Promise<{ status: number; body: unknown }>;

export type User = { id: string; givenName: string; familyName: string; email: string };

export type Assignment = { id: string; title: string; weight: number; dueAt: string; maxScore: number };

export type Course = { id: string; title: string; teacherIds: string[]; studentIds: string[]; assignments: Assignment[] };

export type Submission = {
  assignmentId: string;
  studentId: string;
  submittedAt: string | null;
  score: number | null;
  gradedBy: string | null;
};

export class BackendError extends Error {
  readonly status: number;

  constructor(service: string, status: number) {
    super(`${service} answered ${status}`);
    this.name = 'BackendError';
    this.status = status;
  }
}

/** Largest number of ids the identity and grading services accept in one request. */
export const MAX_IDS_PER_REQUEST = 100;

function client(service: string, transport: Transport, pool: RequestPool) {
  return async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await pool.run(() => transport({ service, method, path, body }));
    if (response.status !== 200) throw new BackendError(service, response.status);
    return response.body as T;
  };
}

export type BackendClients = {
  /** Identity service. `getUsers` returns the users it knows, in no particular order; unknown ids are left out. */
  identity: { getUsers(ids: string[]): Promise<User[]> };
  /** Grading service. `getSubmissions` returns every submission of those students in the course, in no particular order. */
  grading: { getSubmissions(courseId: string, studentIds: string[]): Promise<Submission[]> };
  courses: { getCourse(courseId: string): Promise<Course> };
};

export function createBackendClients(transport: Transport, poolSize = 512): BackendClients {
  const identity = client('identity', transport, new RequestPool(poolSize));
  const grading = client('grading', transport, new RequestPool(poolSize));
  const courses = client('courses', transport, new RequestPool(poolSize));
  const checkSize = (ids: string[]) => {
    if (ids.length > MAX_IDS_PER_REQUEST) throw new RangeError(`at most ${MAX_IDS_PER_REQUEST} ids per request, got ${ids.length}`);
  };
  return {
    identity: {
      getUsers(ids) {
        checkSize(ids);
        return identity<User[]>('POST', '/v2/users:batchGet', { ids });
      },
    },
    grading: {
      getSubmissions(courseId, studentIds) {
        checkSize(studentIds);
        return grading<Submission[]>('POST', `/v1/courses/${encodeURIComponent(courseId)}/submissions:query`, { studentIds });
      },
    },
    courses: {
      getCourse(courseId) {
        return courses<Course>('GET', `/v1/courses/${encodeURIComponent(courseId)}`);
      },
    },
  };
}
