import { describe, it, expect } from 'vitest'
import { createObjectStore } from '../../src/storage/objectStore'
import { createJobStore } from '../../src/exports/jobs'
import { createAuditLog } from '../../src/exports/audit'
import { createExportWorker } from '../../src/exports/worker'

const CUSTOMERS = ['Harbour Foods', 'Kestrel GmbH', 'Ostrava Print', 'Blue Fern Ltd', 'Maison Lumen']

// One order a day through 2025.
function ordersOf2025() {
  const orders = []
  for (let day = 0; day < 365; day++) {
    const placedAt = new Date(Date.UTC(2025, 0, 1 + day, 10, 30)).toISOString()
    orders.push({ id: `ord-${10000 + day}`, placedAt, customer: CUSTOMERS[day % 5], totalCents: 1500 + ((day * 733) % 9000) })
  }
  return orders
}

const clock = () => new Date('2026-01-05T09:00:00Z')

function setUp() {
  // Same limit ratio as production, scaled down so the fixtures stay small.
  const storage = createObjectStore({ bucket: 'reports', maxObjectBytes: 4000 })
  const jobs = createJobStore({ clock })
  const audit = createAuditLog({ clock })
  const orders = ordersOf2025()
  const worker = createExportWorker({ jobs, audit, storage, loadOrders: async () => orders, clock })
  return { storage, jobs, audit, worker }
}

function keyOf(location) {
  return location.slice('reports/'.length)
}

describe('Monday export queue', () => {
  it('uploads the January daily summary', async () => {
    const { storage, jobs, worker } = setUp()
    const id = jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'finance', params: { from: '2025-01-01', to: '2025-01-31' } })
    await worker.runPending()

    const job = jobs.get(id)
    expect(job.status).toBe('completed')
    const object = await storage.getObject(keyOf(job.location))
    expect(object.body.split('\r\n')[0]).toBe('Day,Orders,Revenue (EUR)')
    expect(object.body.split('\r\n')[1]).toBe('2025-01-01,1,15.00')
  })

  it('shows the full-year order lines export as failed in the jobs table', async () => {
    const { jobs, worker } = setUp()
    jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'finance', params: { from: '2025-01-01', to: '2025-01-31' } })
    const yearly = jobs.enqueue({ reportType: 'order-lines', requestedBy: 'finance', params: { from: '2025-01-01', to: '2025-12-31' } })
    jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'ops', params: { from: '2025-12-01', to: '2025-12-31' } })
    await worker.runPending()

    const row = jobs.statusTable().split('\n').find((line) => line.startsWith(yearly))
    expect(row).toMatch(/\bfailed\b/)
    expect(row).toContain('EntityTooLarge')
    expect(jobs.counts()).toEqual({ queued: 0, running: 0, completed: 2, failed: 1 })
  })

  it('only lists exports as completed when the file can be downloaded', async () => {
    const { storage, jobs, worker } = setUp()
    jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'finance', params: { from: '2025-01-01', to: '2025-01-31' } })
    jobs.enqueue({ reportType: 'order-lines', requestedBy: 'finance', params: { from: '2025-01-01', to: '2025-12-31' } })
    jobs.enqueue({ reportType: 'orders-by-day', requestedBy: 'ops', params: { from: '2025-12-01', to: '2025-12-31' } })
    await worker.runPending()

    for (const job of jobs.list('completed')) {
      await expect(storage.getObject(keyOf(job.location)), `${job.id} is listed as completed`).resolves.toBeTruthy()
    }
  })

  it('records the refused upload in the audit log', async () => {
    const { audit, jobs, worker } = setUp()
    const yearly = jobs.enqueue({ reportType: 'order-lines', requestedBy: 'finance', params: { from: '2025-01-01', to: '2025-12-31' } })
    await worker.runPending()

    const events = audit.forJob(yearly).map((entry) => entry.event)
    expect(events).toEqual(['export.started', 'export.failed'])
  })
})
