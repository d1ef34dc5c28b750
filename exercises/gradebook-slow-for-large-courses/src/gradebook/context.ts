import { type BackendClients, type Submission, type User, MAX_IDS_PER_REQUEST } from '../backend/clients';
import { BatchLoader } from './batch-loader';

export type Viewer = { userId: string; role: 'teacher' | 'assistant' | 'admin' | 'student' };

export type Loaders = {
  users: BatchLoader<string, User>;
  /** Keyed by `${courseId}/${studentId}`; a student without submissions gets []. */
  submissions: BatchLoader<string, Submission[]>;
};

export type LogEntry = { requestId: string; message: string; fields: Record<string, string | number> };

/** Loaders batch the reads made while serving one request, and cache them for that request only. */
export function createLoaders(clients: BackendClients): Loaders {
  const users = new BatchLoader<string, User>(async (ids) => {
    const found = await clients.identity.getUsers(ids);
    return new Map(found.map((user) => [user.id, user]));
  }, MAX_IDS_PER_REQUEST);

  const submissions = new BatchLoader<string, Submission[]>(async (keys) => {
    const result = new Map<string, Submission[]>(keys.map((key) => [key, []]));
    const byCourse = new Map<string, string[]>();
    for (const key of keys) {
      const [courseId, studentId] = key.split('/') as [string, string];
      byCourse.set(courseId, [...(byCourse.get(courseId) ?? []), studentId]);
    }
    for (const [courseId, studentIds] of byCourse) {
      for (const submission of await clients.grading.getSubmissions(courseId, studentIds)) {
        result.get(`${courseId}/${submission.studentId}`)?.push(submission);
      }
    }
    return result;
  }, MAX_IDS_PER_REQUEST);

  return { users, submissions };
}

type ContextOptions = {
  requestId: string;
  viewer: Viewer;
  clients: BackendClients;
  log: LogEntry[];
  fields?: Record<string, string | number>;
};

/**
 * What serving one request needs: who is asking, the backend clients, the request's
 * loaders, and a log. child() adds fields to every log line written through it.
 */
export class RequestContext {
  readonly requestId: string;
  readonly viewer: Viewer;
  readonly clients: BackendClients;
  readonly loaders: Loaders;
  readonly #log: LogEntry[];
  readonly #fields: Record<string, string | number>;

  constructor(options: ContextOptions) {
    this.requestId = options.requestId;
    this.viewer = options.viewer;
    this.clients = options.clients;
    this.#log = options.log;
    this.#fields = options.fields ?? {};
    this.loaders = createLoaders(options.clients);
  }

  child(fields: Record<string, string | number>): RequestContext {
    return new RequestContext({
      requestId: this.requestId,
      viewer: this.viewer,
      clients: this.clients,
      log: this.#log,
      fields: { ...this.#fields, ...fields },
    });
  }

  info(message: string, fields: Record<string, string | number> = {}): void {
    this.#log.push({ requestId: this.requestId, message, fields: { ...this.#fields, ...fields } });
  }
}
