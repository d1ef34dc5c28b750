export type LogLine = { at: string; message: string; fields: Record<string, string | number | boolean> };

export class Log {
  readonly lines: LogLine[] = [];

  info(message: string, fields: Record<string, string | number | boolean> = {}): void {
    this.lines.push({ at: new Date().toISOString(), message, fields });
  }

  text(): string {
    return this.lines
      .map((line) => [line.at, line.message, ...Object.entries(line.fields).map(([key, value]) => `${key}=${value}`)].join(' '))
      .join('\n');
  }
}
