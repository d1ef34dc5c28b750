export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export type LogEntry = { at: string; level: LogLevel; message: string; fields: Record<string, unknown> }

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** Structured logger; entries are kept in memory so tests and the ops console can read them. */
export class Logger {
  readonly entries: LogEntry[] = []
  private readonly minLevel: LogLevel

  constructor(minLevel: LogLevel = 'info') {
    this.minLevel = minLevel
  }

  log(level: LogLevel, message: string, fields: Record<string, unknown> = {}): void {
    if (ORDER[level] < ORDER[this.minLevel]) return
    this.entries.push({ at: new Date().toISOString(), level, message, fields })
  }

  debug(message: string, fields?: Record<string, unknown>): void {
    this.log('debug', message, fields)
  }

  info(message: string, fields?: Record<string, unknown>): void {
    this.log('info', message, fields)
  }

  warn(message: string, fields?: Record<string, unknown>): void {
    this.log('warn', message, fields)
  }
}
