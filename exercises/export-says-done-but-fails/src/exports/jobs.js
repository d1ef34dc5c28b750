const STATUSES = ['queued', 'running', 'completed', 'failed']

/** The export job table behind the "Exports" admin page. */
export function createJobStore({ clock = () => new Date() } = {}) {
  const jobs = new Map()
  let sequence = 0

  function mustGet(id) {
    const job = jobs.get(id)
    if (!job) throw new Error(`Unknown export job ${id}`)
    return job
  }

  function transition(id, from, to, fields) {
    const job = mustGet(id)
    if (job.status !== from) throw new Error(`Export job ${id} is ${job.status}, expected ${from}`)
    Object.assign(job, fields, { status: to, updatedAt: clock().toISOString() })
    return { ...job }
  }

  return {
    enqueue({ reportType, requestedBy, params = {} }) {
      sequence += 1
      const id = `exp-${String(sequence).padStart(4, '0')}`
      const now = clock().toISOString()
      jobs.set(id, { id, reportType, requestedBy, params, status: 'queued', createdAt: now, updatedAt: now })
      return id
    },
    get: (id) => ({ ...mustGet(id) }),
    list: (status) => [...jobs.values()].filter((job) => !status || job.status === status).map((job) => ({ ...job })),
    nextQueued: () => [...jobs.values()].find((job) => job.status === 'queued')?.id,

    start: (id) => transition(id, 'queued', 'running', {}),
    complete: (id, { location, bytes }) => transition(id, 'running', 'completed', { location, bytes }),
    fail: (id, reason) => transition(id, 'running', 'failed', { error: reason }),

    counts() {
      const counts = Object.fromEntries(STATUSES.map((status) => [status, 0]))
      for (const job of jobs.values()) counts[job.status] += 1
      return counts
    },

    statusTable() {
      const header = ['JOB', 'REPORT', 'REQUESTED BY', 'STATUS', 'DETAIL']
      const rows = [...jobs.values()].map((job) => [
        job.id,
        job.reportType,
        job.requestedBy,
        job.status,
        job.status === 'completed' ? `${job.location} (${job.bytes} bytes)` : job.error ?? '',
      ])
      const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)))
      const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd()
      return [line(header), ...rows.map(line)].join('\n')
    },
  }
}
