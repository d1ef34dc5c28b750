/** Plain-text log lines with a UTC timestamp, as the job workers write them. */
export type Log = {
  line(text: string): void;
  lines(): string[];
};

export function createLog(component: string): Log {
  const lines: string[] = [];
  return {
    line(text) {
      lines.push(`${new Date().toISOString()} [${component}] ${text}`);
    },
    lines: () => [...lines],
  };
}
