export type LogLevel = 'info' | 'warn' | 'error';

export type LogEntry = { at: string; level: LogLevel; event: string; fields: Record<string, string | number> };

/** Structured log of one job run; the clinic's job runner ships `entries` to the log store. */
export class JobLog {
  readonly job: string;
  readonly entries: LogEntry[] = [];

  constructor(job: string) {
    this.job = job;
  }

  info(event: string, fields: Record<string, string | number> = {}): void {
    this.write('info', event, fields);
  }

  warn(event: string, fields: Record<string, string | number> = {}): void {
    this.write('warn', event, fields);
  }

  error(event: string, fields: Record<string, string | number> = {}): void {
    this.write('error', event, fields);
  }

  private write(level: LogLevel, event: string, fields: Record<string, string | number>): void {
    this.entries.push({ at: new Date().toISOString(), level, event, fields: { ...fields } });
  }
}
