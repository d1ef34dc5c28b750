import { describe, it, expect } from 'vitest'
import { createObjectStore } from '../../src/storage/objectStore'
import { createJobStore } from '../../src/exports/jobs'
import { createAuditLog } from '../../src/exports/audit'
import { createExportWorker } from '../../src/exports/worker'

function ordersFor(days) {
  const orders = []
  for (let day = 0; day < days; day++) {
    const placedAt = new Date(Date.UTC(2025, 0, 1 + day, 8, 15)).toISOString()
    orders.push({ id: `ord-${20000 + day}`, placedAt, customer: `Customer ${day % 7}`, totalCents: 990 + day * 10 })
  }
  return orders
}

const clock = () => new Date('2026-01-12T06:00:00Z')

function setUp(storage, orders = ordersFor(365)) {
  const jobs = createJobStore({ clock })
  const audit = createAuditLog({ clock })
  const worker = createExportWorker({ jobs, audit, storage, loadOrders: async () => orders, clock })
  return { jobs, audit, worker }
}

function keyOf(storage, location) {
  return location.slice(storage.bucket.length + 1)
}

// A bucket client that answers after a short delay and refuses every upload.
function refusingStorage(message, { delayMs = 2 } = {}) {
  const attempts = []
  return {
    bucket: 'reports',
    attempts,
    putObject(key) {
      attempts.push(key)
      const request = new Promise((_, reject) => setTimeout(() => reject(new Error(message)), delayMs))
      request.catch(() => {})
      return request
    },
    async getObject(key) {
      throw new Error(`NoSuchKey ${key}`)
    },
    async drain() {},
  }
}

describe('export outcome matches what the bucket did', () => {
  // Stated in README.md: "a too-large report should simply show up as failed with the reason so Finance can split the date range"
  // Stated in README.md: "one the bucket did not store is listed as failed, with the bucket's reason, in the jobs table and in the audit trail"
  it('marks a refused upload as failed and keeps the reason', async () => {
    const storage = createObjectStore({ maxObjectBytes: 3000 })
    const { jobs, worker } = setUp(storage)
    const id = jobs.enqueue({ reportType: 'order-lines', requestedBy: 'finance', params: {} })
    await worker.runPending()

    const job = jobs.get(id)
    expect(job.status).toBe('failed')
    expect(job.error).toContain('EntityTooLarge')
    expect(job.location).toBeUndefined()
    expect(storage.listKeys()).toEqual([])
  })

  // Stated in README.md: "one the bucket did not store is listed as failed, with the bucket's reason, in the jobs table and in the audit trail"
  it('audits a refused upload as failed, never as completed', async () => {
    const storage = createObjectStore({ maxObjectBytes: 3000 })
    const { jobs, audit, worker } = setUp(storage)
    const id = jobs.enqueue({ reportType: 'order-lines', requestedBy: 'finance', params: {} })
    await worker.runPending()

    const entries = audit.forJob(id)
    expect(entries.map((entry) => entry.event)).toEqual(['export.started', 'export.failed'])
    expect(JSON.stringify(entries[1])).toContain('EntityTooLarge')
  })

  // Stated in README.md: "one the bucket did not store is listed as failed, with the bucket's reason, in the jobs table and in the audit trail"
  // Stated in src/storage/objectStore.js: "putObject resolves with { key, etag, size } once the object is stored"
  it('reports a failure that the bucket only signals after a delay', async () => {
    const storage = refusingStorage('ECONNRESET: socket hang up')
    const { jobs, audit, worker } = setUp(storage)
    const id = jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'ops', params: { from: '2025-03-01', to: '2025-03-31' } })
    await worker.runPending()

    expect(storage.attempts).toHaveLength(1)
    expect(jobs.get(id).status).toBe('failed')
    expect(jobs.get(id).error).toContain('ECONNRESET')
    expect(audit.entries().some((entry) => entry.event === 'export.completed')).toBe(false)
  })

  // Stated in README.md: "An export listed as completed must be downloadable"
  // Stated in src/storage/objectStore.js: "putObject resolves with { key, etag, size } once the object is stored"
  it('only completes a job once the file is in the bucket, even on a slow bucket', async () => {
    const storage = createObjectStore({ latencyMs: 5 })
    const { jobs, audit, worker } = setUp(storage)
    const id = jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'finance', params: { from: '2025-02-01', to: '2025-02-28' } })
    await worker.runPending()

    const job = jobs.get(id)
    expect(job.status).toBe('completed')
    const object = await storage.getObject(keyOf(storage, job.location))
    expect(object.size).toBe(job.bytes)
    expect(object.body.split('\r\n')).toHaveLength(1 + 28 + 1)
    expect(audit.forJob(id).map((entry) => entry.event)).toEqual(['export.started', 'export.completed'])
  })

  // Stated in README.md: "a too-large report should simply show up as failed with the reason so Finance can split the date range"
  it('fails a too-large export on a slow bucket too', async () => {
    const storage = createObjectStore({ latencyMs: 3, maxObjectBytes: 2000 })
    const { jobs, worker } = setUp(storage)
    const id = jobs.enqueue({ reportType: 'order-lines', requestedBy: 'finance', params: {} })
    await worker.runPending()

    expect(jobs.get(id).status).toBe('failed')
    expect(jobs.get(id).error).toContain('EntityTooLarge')
  })

  // Stated in src/exports/publish.js: "so the worker can record the outcome and move on to the next job"
  // Stated in README.md: "A single worker runs the queued jobs one after another."
  // Stated in README.md: "An export listed as completed must be downloadable"
  it('keeps processing the queue after a failed upload', async () => {
    const storage = createObjectStore({ maxObjectBytes: 3000, latencyMs: 1 })
    const { jobs, worker } = setUp(storage)
    const ids = [
      jobs.enqueue({ reportType: 'order-lines', requestedBy: 'finance', params: {} }),
      jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'finance', params: { from: '2025-01-01', to: '2025-01-07' } }),
      jobs.enqueue({ reportType: 'order-lines', requestedBy: 'legal', params: { from: '2025-06-01', to: '2025-06-03' } }),
      jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'ops', params: {} }),
    ]
    const finished = await worker.runPending()

    expect(finished.map((job) => job.status)).toEqual(['failed', 'completed', 'completed', 'failed'])
    expect(ids.map((id) => jobs.get(id).status)).toEqual(['failed', 'completed', 'completed', 'failed'])
    expect(jobs.counts()).toEqual({ queued: 0, running: 0, completed: 2, failed: 2 })
    for (const job of jobs.list('completed')) {
      await expect(storage.getObject(keyOf(storage, job.location))).resolves.toBeTruthy()
    }
  })

  // Stated in README.md: "the job table behind the Exports page"
  // Stated in README.md: "one the bucket did not store is listed as failed, with the bucket's reason, in the jobs table and in the audit trail"
  it('lists every job in the status table with its real outcome', async () => {
    const storage = createObjectStore({ maxObjectBytes: 3000 })
    const { jobs, worker } = setUp(storage)
    const big = jobs.enqueue({ reportType: 'order-lines', requestedBy: 'finance', params: {} })
    const small = jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'finance', params: { from: '2025-01-01', to: '2025-01-02' } })
    await worker.runPending()

    const lines = jobs.statusTable().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines.find((line) => line.startsWith(big))).toMatch(/\bfailed\b.*EntityTooLarge/)
    expect(lines.find((line) => line.startsWith(small))).toMatch(/\bcompleted\b.*reports\/exports\/finance\/.*\.csv/)
  })

  // Stated in src/exports/worker.js: "Runs queued export jobs one at a time: build the report, upload the CSV,"
  it('still fails a job whose report type is unknown, without touching the bucket', async () => {
    const storage = refusingStorage('should not be called')
    const { jobs, worker } = setUp(storage)
    const id = jobs.enqueue({ reportType: 'stock-levels', requestedBy: 'ops', params: {} })
    await worker.runPending()

    expect(jobs.get(id).status).toBe('failed')
    expect(jobs.get(id).error).toContain('stock-levels')
    expect(storage.attempts).toEqual([])
  })

  // Stated in src/storage/objectStore.js: "Track uploads that are still running so shutdown can wait for them."
  it('shutdown resolves once the queue is done', async () => {
    const storage = createObjectStore({ latencyMs: 2 })
    const { jobs, worker } = setUp(storage)
    jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'ops', params: { from: '2025-01-01', to: '2025-01-03' } })
    await worker.runPending()
    await worker.shutdown()
    expect(storage.listKeys('exports/ops/')).toHaveLength(1)
  })
})
