/** The job log the circulation team reads each morning. */
export function createLogger() {
  const lines = []
  const write = (level) => (text) => lines.push(`${new Date().toISOString()} ${level} ${text}`)
  return { info: write('INFO'), warn: write('WARN'), lines: () => [...lines] }
}
