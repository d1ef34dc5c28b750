// The signed-in user's session, carried in a signed cookie: any app server can read it, and the
// browser cannot change it.

export interface Session {
  readonly userId: string
  readonly accountId: string
  /** A value stored in the session cookie, or undefined. */
  get(name: string): string | undefined
  /**
   * Stores a value in the session cookie. The browser sends it back with its next requests,
   * whichever app server they reach. The cookie holds at most 4 KB.
   */
  set(name: string, value: string): void
}

export type HttpRequest = { method: 'GET' | 'POST' | 'PUT'; path: string; session: Session; body?: unknown }

export type HttpResponse = { status: number; body?: unknown; location?: string }
