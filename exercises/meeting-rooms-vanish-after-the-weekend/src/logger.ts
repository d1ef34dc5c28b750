export type LogEntry = { at: string; level: 'info' | 'warn' | 'error'; message: string };

/** Keeps log entries in memory; the ops console tails them. */
export class Logger {
  readonly entries: LogEntry[] = [];

  info(message: string): void {
    this.write('info', message);
  }

  warn(message: string): void {
    this.write('warn', message);
  }

  error(message: string): void {
    this.write('error', message);
  }

  private write(level: LogEntry['level'], message: string): void {
    this.entries.push({ at: new Date().toISOString(), level, message });
  }
}
