/** Minimal logger; entries are kept for the ops console and for tests. */
export function createLogger() {
  const entries = []
  const log = (level) => (message) => entries.push({ at: new Date().toISOString(), level, message })
  return { info: log('info'), warn: log('warn'), entries: () => entries.slice() }
}
