// pressroom's scheduler: which waiting job a free render worker takes next. The dispatcher
// (dispatcher.ts) calls enqueue() for every job that arrives, next() whenever a worker is free,
// and finished() when a job is done. All three are synchronous and called often: keep them cheap.
import type { TenantDirectory } from '../tenants/tenants'
import { type JobKind, type RenderJob, estimatedRenderMs } from './jobs'

export type SchedulerDeps = {
  /** The number of render workers the dispatcher runs. */
  workers: number
  tenants: TenantDirectory
  log?: (line: string) => void
}

// Fair share of the workers themselves, decided at every free worker: the flow (a tenant's
// clicks, or a tenant's batches) that has the fewest documents rendering right now gets it, the
// oldest waiting document first among equals. A flow holding workers with long documents has
// many running and waits; a click whose flow has nothing running is served at once (among flows
// with as many running, clicks before batches, then the oldest document). A contract's
// tenant goes first while it runs on fewer workers than its share. Long documents may hold at
// most all but two workers.
type Flow = { tenant: TenantState; kind: JobKind; jobs: RenderJob[]; head: number; running: number }
type TenantState = { flows: Record<JobKind, Flow>; running: number; reserved: number }

const LONG_JOB_MS = 5_000
const KEPT_FOR_SHORT_JOBS = 2

export class RenderScheduler {
  private readonly workers: number
  private readonly tenants: TenantDirectory
  private readonly states = new Map<string, TenantState>()
  private readonly waiting = new Set<Flow>()
  private longRunning = 0

  constructor(deps: SchedulerDeps) {
    this.workers = deps.workers
    this.tenants = deps.tenants
  }

  enqueue(job: RenderJob): void {
    const flow = this.state(job.tenantId).flows[job.kind]
    flow.jobs.push(job)
    this.waiting.add(flow)
  }

  next(): RenderJob | undefined {
    const longAllowed = this.longRunning < this.workers - KEPT_FOR_SHORT_JOBS
    let best: Flow | undefined
    let bestRank: [number, number, number, number] = [Infinity, Infinity, Infinity, Infinity]
    for (const flow of this.waiting) {
      const job = flow.jobs[flow.head] as RenderJob
      if (!longAllowed && isLong(job)) continue
      const rank: [number, number, number, number] = [flow.tenant.running < flow.tenant.reserved ? 0 : 1, flow.running, flow.kind === 'interactive' ? 0 : 1, job.submittedAt]
      if (before(rank, bestRank)) {
        best = flow
        bestRank = rank
      }
    }
    if (!best) return undefined
    const job = best.jobs[best.head++] as RenderJob
    if (best.head >= best.jobs.length) {
      best.jobs.length = 0
      best.head = 0
      this.waiting.delete(best)
    } else if (best.head > 1_000 && best.head * 2 > best.jobs.length) {
      best.jobs.splice(0, best.head)
      best.head = 0
    }
    best.running++
    best.tenant.running++
    if (isLong(job)) this.longRunning++
    return job
  }

  finished(job: RenderJob, _renderMs: number): void {
    const tenant = this.state(job.tenantId)
    tenant.flows[job.kind].running--
    tenant.running--
    if (isLong(job)) this.longRunning--
  }

  private state(tenantId: string): TenantState {
    let state = this.states.get(tenantId)
    if (!state) {
      const tenant: TenantState = { flows: {} as Record<JobKind, Flow>, running: 0, reserved: (this.tenants.find(tenantId)?.renderShare ?? 0) * this.workers }
      tenant.flows = { interactive: { tenant, kind: 'interactive', jobs: [], head: 0, running: 0 }, batch: { tenant, kind: 'batch', jobs: [], head: 0, running: 0 } }
      this.states.set(tenantId, tenant)
      state = tenant
    }
    return state
  }
}

function before(a: number[], b: number[]) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number)
  return false
}

function isLong(job: RenderJob) {
  return estimatedRenderMs(job.pages) > LONG_JOB_MS
}
