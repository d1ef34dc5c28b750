export type LogLine = { level: 'info' | 'warn'; event: string; data: Record<string, string | number> }

/** Collects log lines in memory; production ships them to the log pipeline. */
export function createLog() {
  const lines: LogLine[] = []
  return {
    lines,
    info(event: string, data: Record<string, string | number> = {}) {
      lines.push({ level: 'info', event, data })
    },
    warn(event: string, data: Record<string, string | number> = {}) {
      lines.push({ level: 'warn', event, data })
    },
  }
}

export type Log = ReturnType<typeof createLog>
