export type LogRecord = { at: string; event: string; fields: Record<string, string | number | boolean> };

/** Structured event log, shipped to the analytics pipeline. */
export class EventLog {
  readonly records: LogRecord[] = [];

  write(event: string, fields: Record<string, string | number | boolean> = {}): void {
    this.records.push({ at: new Date().toISOString(), event, fields: { ...fields } });
  }

  count(event: string): number {
    return this.records.filter((record) => record.event === event).length;
  }
}
