/** Collects log lines; production forwards them to the log service. */
export function createLog() {
  const lines = [];
  const write = (level) => (message) => lines.push(`${new Date().toISOString()} ${level.padEnd(5)} ${message}`);
  return { info: write('info'), warn: write('warn'), error: write('error'), lines: () => [...lines] };
}
