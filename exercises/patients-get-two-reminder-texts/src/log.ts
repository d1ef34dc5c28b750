export type LogLevel = 'info' | 'warn' | 'error';

export type LogEntry = {
  at: string;
  level: LogLevel;
  event: string;
  fields: Record<string, unknown>;
};

export type Logger = {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  entries(): LogEntry[];
};

/** Structured logger; production ships the entries to the log pipeline, tests read them back. */
export function createLogger(): Logger {
  const entries: LogEntry[] = [];
  const write = (level: LogLevel) => (event: string, fields: Record<string, unknown> = {}) => {
    entries.push({ at: new Date().toISOString(), level, event, fields: { ...fields } });
  };
  return {
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    entries: () => entries.map((entry) => ({ ...entry, fields: { ...entry.fields } })),
  };
}
