export type LogLine = { at: string; event: string; [field: string]: unknown };

export type Logger = (event: string, fields?: Record<string, unknown>) => void;

export function createLogger(sink: LogLine[] = []): { log: Logger; lines: LogLine[] } {
  const log: Logger = (event, fields = {}) => {
    sink.push({ at: new Date().toISOString(), event, ...fields });
    if (sink.length > 5_000) sink.splice(0, sink.length - 5_000);
  };
  return { log, lines: sink };
}
