export type LogEntry = { at: string; level: 'info' | 'warn'; message: string; fields: Record<string, unknown> };

const entries: LogEntry[] = [];

function write(level: LogEntry['level'], message: string, fields: Record<string, unknown>): void {
  entries.push({ at: new Date().toISOString(), level, message, fields });
  if (entries.length > 1_000) entries.shift();
}

export const log = {
  info: (message: string, fields: Record<string, unknown> = {}) => write('info', message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => write('warn', message, fields),
  recent: (count = 20): LogEntry[] => entries.slice(-count),
};
