export type LogLine = { at: string; level: 'info' | 'warn'; text: string };

export class Logger {
  private readonly lines: LogLine[] = [];

  info(text: string): void {
    this.lines.push({ at: new Date().toISOString(), level: 'info', text });
  }

  warn(text: string): void {
    this.lines.push({ at: new Date().toISOString(), level: 'warn', text });
  }

  all(): LogLine[] {
    return this.lines.map((line) => ({ ...line }));
  }
}
