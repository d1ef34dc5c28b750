export interface LogEntry {
  at: string
  level: 'info' | 'warn' | 'error'
  message: string
}

export class Logger {
  readonly entries: LogEntry[] = []

  info(message: string): void {
    this.entries.push({ at: new Date().toISOString(), level: 'info', message })
  }

  warn(message: string): void {
    this.entries.push({ at: new Date().toISOString(), level: 'warn', message })
  }

  error(message: string): void {
    this.entries.push({ at: new Date().toISOString(), level: 'error', message })
  }
}
