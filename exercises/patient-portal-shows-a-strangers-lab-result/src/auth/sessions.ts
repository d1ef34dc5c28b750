export type PortalSession = {
  token: string;
  accountId: string;
  /** The patient records this account may open: the account holder's own, plus any children or dependants they are registered guardian of. */
  patientIds: readonly string[];
  expiresAt: number;
};

export class SessionStore {
  private readonly sessions = new Map<string, PortalSession>();

  open(token: string, accountId: string, patientIds: string[], ttlMs = 30 * 60_000): PortalSession {
    if (patientIds.length === 0) throw new Error(`account ${accountId} has no patient record`);
    const session: PortalSession = { token, accountId, patientIds: [...patientIds], expiresAt: Date.now() + ttlMs };
    this.sessions.set(token, session);
    return session;
  }

  /** The live session for a bearer token, or undefined if unknown or expired. */
  resolve(token: string | undefined): PortalSession | undefined {
    if (!token) return undefined;
    const session = this.sessions.get(token);
    if (!session) return undefined;
    if (session.expiresAt <= Date.now()) {
      this.sessions.delete(token);
      return undefined;
    }
    return session;
  }
}

export function mayOpenRecord(session: PortalSession, patientId: string): boolean {
  return session.patientIds.includes(patientId);
}
