export type LogRecord = { at: string; event: string; fields: Record<string, string | number | null> }

export class EventLog {
  readonly records: LogRecord[] = []

  write(event: string, fields: Record<string, string | number | null> = {}): void {
    this.records.push({ at: new Date().toISOString(), event, fields })
  }

  /** One line per record, the way the log viewer prints them. */
  lines(): string[] {
    return this.records.map((r) => `${r.at} ${r.event} ${Object.entries(r.fields).map(([k, v]) => `${k}=${v}`).join(' ')}`)
  }
}
