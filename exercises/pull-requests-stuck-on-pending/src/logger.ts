export type LogLevel = 'info' | 'warn' | 'error'

export interface LogLine {
  at: string
  level: LogLevel
  message: string
}

/** A small structured logger; lines are kept so the ops page and the tests can read them. */
export function createLogger(name: string) {
  const lines: LogLine[] = []

  function write(level: LogLevel, message: string) {
    lines.push({ at: new Date().toISOString(), level, message: `${name}: ${message}` })
  }

  return {
    info: (message: string) => write('info', message),
    warn: (message: string) => write('warn', message),
    error: (message: string) => write('error', message),
    lines: (): LogLine[] => lines.map((line) => ({ ...line })),
  }
}

export type Logger = ReturnType<typeof createLogger>
