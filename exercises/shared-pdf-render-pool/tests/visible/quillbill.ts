// The world the scenarios play in: Quillbill's tenants clicking "Send" and submitting batches,
// the render API, pressroom's dispatcher with its scheduler (yours), and the render workers.
// Built on the sandbox's simulation kit, in virtual time: a morning runs in a fraction of a second.
import type { Simulation } from 'hardmode:sim'
import { Dispatcher } from '../../src/pressroom/dispatcher'
import { estimatedRenderMs } from '../../src/pressroom/jobs'
import { RenderApi } from '../../src/pressroom/renderApi'
import type { Renderer } from '../../src/pressroom/renderer'
import { RenderScheduler } from '../../src/pressroom/scheduler'
import { InMemoryTenants, type Plan, type Tenant } from '../../src/tenants/tenants'

/** Long enough for the longest backlog of month-end runs to drain (statements, due the next morning, get longer). */
export const SETTLE_MS = 30 * 60_000
export const WORKERS = 8

/** 'steady' tenants use Quillbill as they always do; a 'runaway' one's integration has gone wrong. */
export type Behaviour = 'steady' | 'runaway'
type TenantRecord = Tenant & { behaviour: Behaviour }
type Run = { tenantId: string; documents: number; what: 'invoices' | 'statements'; submittedAt: number; doneAt?: number }

export type World = ReturnType<typeof createWorld>

export function createWorld(sim: Simulation, { workers = WORKERS }: { workers?: number } = {}) {
  const tenants = new InMemoryTenants()
  const records = new Map<string, TenantRecord>()
  const renderer: Renderer = {
    async render(job) {
      const estimate = estimatedRenderMs(job.pages)
      await sim.sleep(Math.max(100, sim.latency({ p50: estimate, p99: estimate * 1.8 })))
      return { jobId: job.jobId, pdfBytes: 40_000 * job.pages }
    },
  }
  const scheduler = new RenderScheduler({ workers, tenants })
  const dispatcher = new Dispatcher({ workers, scheduler, renderer })
  const api = new RenderApi(dispatcher)

  const clickTimes = new Map<string, number[]>()
  const contractTimes: number[] = []
  const runs: Run[] = []
  let documents = 0
  let submitted = 0
  let rendered = 0

  function addTenant(tenantId: string, plan: Plan, { behaviour = 'steady', renderShare }: { behaviour?: Behaviour; renderShare?: number } = {}): TenantRecord {
    const tenant: TenantRecord = { tenantId, name: tenantId, plan, behaviour }
    if (renderShare !== undefined) tenant.renderShare = renderShare
    tenants.add(tenant)
    records.set(tenantId, tenant)
    return tenant
  }

  function track(tenant: TenantRecord, started: number, kind: 'interactive' | 'batch') {
    return () => {
      rendered++
      const took = sim.now() - started
      if (kind === 'interactive' && tenant.behaviour === 'steady') {
        const times = clickTimes.get(tenant.tenantId) ?? []
        times.push(took)
        clickTimes.set(tenant.tenantId, times)
      }
      if (tenant.renderShare !== undefined) contractTimes.push(took)
    }
  }

  /** People in the app asking for one PDF at a time ("Send", "Download PDF"). */
  function clicks(tenant: TenantRecord, { perSecond, forMs, startAt = 0, pages = [1, 3] }: { perSecond: number; forMs: number; startAt?: number; pages?: [number, number] }) {
    sim.traffic({ perSecond, forMs, startAt }, () => {
      submitted++
      const done = track(tenant, sim.now(), 'interactive')
      return api.renderNow({ tenantId: tenant.tenantId, documentId: `d${++documents}`, pages: sim.between(pages[0], pages[1]) }).then(done)
    })
  }

  /** A batch through the API: all its documents at once. */
  function batch(tenant: TenantRecord, { at, documents: count, pages = [1, 4], what = 'invoices' }: { at: number; documents: number; pages?: [number, number]; what?: Run['what'] }) {
    sim.at(at, () => {
      const run: Run = { tenantId: tenant.tenantId, documents: count, what, submittedAt: sim.now() }
      runs.push(run)
      submitted += count
      const batchDocuments = Array.from({ length: count }, () => ({ documentId: `d${++documents}`, pages: sim.between(pages[0], pages[1]) }))
      const started = sim.now()
      const { rendered: pending } = api.renderBatch(tenant.tenantId, batchDocuments)
      return Promise.all(pending.map((promise) => promise.then(track(tenant, started, 'batch')))).then(() => {
        run.doneAt = sim.now()
      })
    })
  }

  /** A steady stream of batch documents (an integration that renders as it goes). */
  function stream(tenant: TenantRecord, { perSecond, forMs, startAt = 0, pages = [1, 3] }: { perSecond: number; forMs: number; startAt?: number; pages?: [number, number] }) {
    sim.traffic({ perSecond, forMs, startAt }, () => {
      submitted++
      const done = track(tenant, sim.now(), 'batch')
      const { rendered: pending } = api.renderBatch(tenant.tenantId, [{ documentId: `d${++documents}`, pages: sim.between(pages[0], pages[1]) }])
      return (pending[0] as Promise<unknown>).then(done)
    })
  }

  const runTime = (run: Run) => (run.doneAt ?? sim.now()) - run.submittedAt
  const steadyRuns = (what: Run['what'], small: boolean) =>
    runs.filter((run) => run.what === what && records.get(run.tenantId)?.behaviour === 'steady' && run.documents <= 500 === small)

  sim.metric('worstInteractiveP99Ms', {
    label: "Slowest tenant's interactive PDFs, p99",
    unit: 'ms',
    value: () => {
      const p99s = [...clickTimes.values()].filter((times) => times.length >= 5).map((times) => percentile(times, 0.99) as number)
      return p99s.length === 0 ? null : Math.max(...p99s)
    },
  })
  sim.metric('slowestSmallRunMs', {
    label: 'Slowest batch of up to 500 invoices, submission to last PDF',
    unit: 'ms',
    value: () => {
      const list = steadyRuns('invoices', true)
      return list.length === 0 ? null : Math.max(...list.map(runTime))
    },
  })
  sim.metric('slowestMonthEndRunMs', {
    label: 'Slowest month-end run (over 500 invoices), submission to last PDF',
    unit: 'ms',
    value: () => {
      const list = steadyRuns('invoices', false)
      return list.length === 0 ? null : Math.max(...list.map(runTime))
    },
  })
  sim.metric('contractJobsP99Ms', {
    label: 'Contract tenant: every PDF, p99',
    unit: 'ms',
    value: () => percentile(contractTimes, 0.99),
  })
  sim.metric('jobsNotRendered', { label: 'Documents never rendered', unit: 'documents', value: () => submitted - rendered })

  return { tenants, addTenant, clicks, batch, stream }
}

const SMALL_TENANTS = [
  'alder-bakery', 'birchwood-dental', 'copperleaf', 'dunmore-garage', 'elmstead-law', 'foxglove-florist', 'granite-gym', 'harbour-cafe', 'ivy-architects',
  'juniper-yoga', 'kestrel-print', 'linden-vets', 'maple-tutoring', 'nettle-design', 'orchard-farm', 'pebble-plumbing', 'quarry-builders', 'rowan-optics',
  'saffron-kitchen', 'thistle-books',
] as const

/** Quillbill's everyday: twenty small businesses sending invoices by hand, and now and then a small batch. */
export function everyday(sim: Simulation, world: World, forMs: number) {
  for (const name of SMALL_TENANTS) {
    const tenant = world.addTenant(name, sim.chance(0.3) ? 'business' : 'starter')
    world.clicks(tenant, { perSecond: sim.between(5, 25) / 100, forMs })
  }
  for (const name of ['copperleaf', 'kestrel-print', 'orchard-farm']) {
    const tenant = world.tenants.find(name) as TenantRecord
    world.batch(tenant, { at: sim.between(20_000, forMs - 60_000), documents: sim.between(60, 300) })
  }
}

function percentile(values: number[], quantile: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)] as number
}
