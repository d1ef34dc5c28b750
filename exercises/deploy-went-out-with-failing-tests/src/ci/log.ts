export type Log = { info(message: string): void; warn(message: string): void; lines(): string[] };

export function createLog(): Log {
  const lines: string[] = [];
  return {
    info: (message) => void lines.push(`${new Date().toISOString()} INFO ${message}`),
    warn: (message) => void lines.push(`${new Date().toISOString()} WARN ${message}`),
    lines: () => [...lines],
  };
}
