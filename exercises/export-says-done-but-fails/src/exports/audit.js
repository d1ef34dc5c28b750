/** Append-only audit trail; compliance reads it to prove which exports were delivered. */
export function createAuditLog({ clock = () => new Date() } = {}) {
  const entries = []

  return {
    record(event, details) {
      entries.push({ at: clock().toISOString(), event, ...details })
    },
    entries: () => entries.map((entry) => ({ ...entry })),
    forJob: (jobId) => entries.filter((entry) => entry.jobId === jobId).map((entry) => ({ ...entry })),
    format: () => entries.map(({ at, event, ...rest }) => `${at} ${event} ${JSON.stringify(rest)}`).join('\n'),
  }
}
