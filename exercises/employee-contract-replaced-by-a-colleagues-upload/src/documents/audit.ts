export type AuditEntry = { at: string; actor: string; action: string; employeeId: string; detail: string; outcome: 'ok' | 'denied' | 'invalid' }

/** Who did what to which employee's documents; kept for seven years. */
export class AuditTrail {
  readonly entries: AuditEntry[] = []

  record(entry: Omit<AuditEntry, 'at'>): void {
    this.entries.push({ at: new Date().toISOString(), ...entry })
  }
}
