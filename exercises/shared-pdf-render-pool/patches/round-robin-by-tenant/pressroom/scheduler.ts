// pressroom's scheduler: which waiting job a free render worker takes next. The dispatcher
// (dispatcher.ts) calls enqueue() for every job that arrives, next() whenever a worker is free,
// and finished() when a job is done. All three are synchronous and called often: keep them cheap.
import type { TenantDirectory } from '../tenants/tenants'
import type { RenderJob } from './jobs'

export type SchedulerDeps = {
  /** The number of render workers the dispatcher runs. */
  workers: number
  tenants: TenantDirectory
  log?: (line: string) => void
}

// One queue per tenant, taken in turn: every tenant with work waiting gets the next free worker in
// its turn, so a month-end run only slows its own tenant. Within a tenant, clicks go first.
type TenantQueue = { tenantId: string; interactive: RenderJob[]; batch: RenderJob[] }

export class RenderScheduler {
  private readonly queues = new Map<string, TenantQueue>()
  /** Tenants with work waiting, in the order of their turns. */
  private turns: TenantQueue[] = []

  constructor(_deps: SchedulerDeps) {}

  enqueue(job: RenderJob): void {
    let queue = this.queues.get(job.tenantId)
    if (!queue) {
      queue = { tenantId: job.tenantId, interactive: [], batch: [] }
      this.queues.set(job.tenantId, queue)
    }
    if (queue.interactive.length + queue.batch.length === 0) this.turns.push(queue)
    ;(job.kind === 'interactive' ? queue.interactive : queue.batch).push(job)
  }

  next(): RenderJob | undefined {
    const queue = this.turns.shift()
    if (!queue) return undefined
    const job = (queue.interactive.length > 0 ? queue.interactive.shift() : queue.batch.shift()) as RenderJob
    if (queue.interactive.length + queue.batch.length > 0) this.turns.push(queue)
    return job
  }

  finished(_job: RenderJob, _renderMs: number): void {}
}
