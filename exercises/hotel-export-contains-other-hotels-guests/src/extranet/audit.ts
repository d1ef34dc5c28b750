export type AuditRecord = { at: string; user: string; hotel: string; action: string; detail: Record<string, string | number> }

export class ExtranetAudit {
  readonly records: AuditRecord[] = []

  record(user: string, hotel: string, action: string, detail: Record<string, string | number>): void {
    this.records.push({ at: new Date().toISOString(), user, hotel, action, detail })
  }
}
