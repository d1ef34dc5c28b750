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

// What is shared is the workers' time, so that is what is shared fairly, between flows: a
// tenant's clicks are one flow and its batches another. Every flow with work waiting gets an
// equal share of render time (start-time fair queueing on each job's estimated cost), whatever
// the number or the size of its documents; a flow that was idle comes back at the current virtual
// time, without credit for the quiet hours, so a click is served at the next free worker even
// while its own tenant's month-end run is rendering, and a runaway integration only ever has its
// own flow's share. Contracts come on top: a tenant with a renderShare is served first whenever
// it has work waiting and runs on fewer workers than its share. Long documents never take the
// last workers, so a click always finds one free within a second or so.
type Flow = {
  tenant: TenantState
  kind: JobKind
  jobs: RenderJob[]
  head: number
  /** Virtual time: render time received so far, as the fair share counts it. */
  virtual: number
}
type TenantState = {
  tenantId: string
  flows: Record<JobKind, Flow>
  /** Workers rendering this tenant's jobs right now. */
  running: number
  /** Workers the tenant's contract guarantees while it has work waiting (0 without a contract). */
  reserved: number
}

/** A document estimated to render for longer than this is long. */
const LONG_JOB_MS = 5_000
/** Workers long documents leave for everyone else. */
const KEPT_FOR_SHORT_JOBS = 2

export class RenderScheduler {
  private readonly workers: number
  private readonly tenants: TenantDirectory
  private readonly log: (line: string) => void
  private readonly states = new Map<string, TenantState>()
  /** Flows with jobs waiting. */
  private readonly backlogged = new Set<Flow>()
  private virtualNow = 0
  private longRunning = 0

  constructor(deps: SchedulerDeps) {
    this.workers = deps.workers
    this.tenants = deps.tenants
    this.log = deps.log ?? (() => {})
  }

  enqueue(job: RenderJob): void {
    const flow = this.state(job.tenantId).flows[job.kind]
    if (!this.backlogged.has(flow)) {
      // Back from idle: no credit for the time it used nothing.
      flow.virtual = Math.max(flow.virtual, this.virtualNow)
      this.backlogged.add(flow)
    }
    flow.jobs.push(job)
  }

  next(): RenderJob | undefined {
    const longAllowed = this.longRunning < this.workers - KEPT_FOR_SHORT_JOBS
    let chosen: Flow | undefined
    let chosenUnderContract = false
    for (const flow of this.backlogged) {
      const job = flow.jobs[flow.head] as RenderJob
      if (!longAllowed && isLong(job)) continue
      const underContract = flow.tenant.running < flow.tenant.reserved
      // A contract below its share first; then the least-served flow; on a tie, a click.
      const better =
        chosen === undefined ||
        (underContract && !chosenUnderContract) ||
        (underContract === chosenUnderContract && (flow.virtual < chosen.virtual || (flow.virtual === chosen.virtual && flow.kind === 'interactive')))
      if (better) {
        chosen = flow
        chosenUnderContract = underContract
      }
    }
    if (!chosen) return undefined
    const job = this.take(chosen)
    // What a contract takes under its share does not move the fair share's clock for everyone else.
    if (!chosenUnderContract) this.virtualNow = chosen.virtual
    chosen.virtual += estimatedRenderMs(job.pages)
    chosen.tenant.running++
    if (isLong(job)) this.longRunning++
    return job
  }

  finished(job: RenderJob, renderMs: number): void {
    const state = this.state(job.tenantId)
    state.running--
    if (isLong(job)) this.longRunning--
    if (renderMs > 30_000) this.log(`${job.jobId} ${job.tenantId} took ${renderMs} ms (${job.pages} pages)`)
  }

  private take(flow: Flow): RenderJob {
    const job = flow.jobs[flow.head++] as RenderJob
    // Drop what was taken: at once when the flow is empty, now and then while a month-end run drains it.
    if (flow.head >= flow.jobs.length) {
      flow.jobs.length = 0
      flow.head = 0
      this.backlogged.delete(flow)
    } else if (flow.head > 1_000 && flow.head * 2 > flow.jobs.length) {
      flow.jobs.splice(0, flow.head)
      flow.head = 0
    }
    return job
  }

  private state(tenantId: string): TenantState {
    let state = this.states.get(tenantId)
    if (!state) {
      const share = this.tenants.find(tenantId)?.renderShare ?? 0
      const tenant: TenantState = { tenantId, flows: {} as Record<JobKind, Flow>, running: 0, reserved: share * this.workers }
      tenant.flows = {
        interactive: { tenant, kind: 'interactive', jobs: [], head: 0, virtual: this.virtualNow },
        batch: { tenant, kind: 'batch', jobs: [], head: 0, virtual: this.virtualNow },
      }
      this.states.set(tenantId, tenant)
      state = tenant
    }
    return state
  }
}

function isLong(job: RenderJob) {
  return estimatedRenderMs(job.pages) > LONG_JOB_MS
}
