export type AccessEntry = { at: string; accountId: string | null; action: string; patientId: string; resultId?: string; status: number };

/** Every request for patient data is recorded, whatever the outcome (a legal requirement). */
export class AccessLog {
  readonly entries: AccessEntry[] = [];

  record(entry: Omit<AccessEntry, 'at'>): void {
    this.entries.push({ at: new Date().toISOString(), ...entry });
  }
}
