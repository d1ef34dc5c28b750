import { buildReport } from '../reports/definitions'
import { toCsv } from '../reports/csv'
import { publishReport } from './publish'

/**
 * Runs queued export jobs one at a time: build the report, upload the CSV,
 * then record the outcome in the job table and the audit log.
 */
export function createExportWorker({ jobs, audit, storage, loadOrders, clock = () => new Date() }) {
  async function runJob(id) {
    const job = jobs.start(id)
    audit.record('export.started', { jobId: id, reportType: job.reportType, requestedBy: job.requestedBy })

    let csv
    try {
      const orders = await loadOrders()
      const { columns, rows } = buildReport(job.reportType, orders, job.params)
      csv = toCsv(columns, rows)
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      jobs.fail(id, reason)
      audit.record('export.failed', { jobId: id, stage: 'build', reason })
      return jobs.get(id)
    }

    const outcome = await publishReport(storage, job, csv, clock())
    if (outcome.ok) {
      jobs.complete(id, { location: outcome.location, bytes: outcome.bytes })
      audit.record('export.completed', { jobId: id, location: outcome.location, bytes: outcome.bytes })
    } else {
      jobs.fail(id, outcome.reason)
      audit.record('export.failed', { jobId: id, stage: 'upload', reason: outcome.reason })
    }
    return jobs.get(id)
  }

  return {
    runJob,

    async runPending() {
      const finished = []
      for (let id = jobs.nextQueued(); id; id = jobs.nextQueued()) {
        finished.push(await runJob(id))
      }
      return finished
    },

    async shutdown() {
      await storage.drain()
    },
  }
}
