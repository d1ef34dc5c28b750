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

export class RenderScheduler {
  private readonly workers: number
  private readonly tenants: TenantDirectory
  private readonly log: (line: string) => void
  /** Jobs waiting for a worker, in the order they arrived. */
  private readonly queue: RenderJob[] = []

  constructor(deps: SchedulerDeps) {
    this.workers = deps.workers
    this.tenants = deps.tenants
    this.log = deps.log ?? (() => {})
  }

  /** A job arrives. Every job must be rendered: never drop one. */
  enqueue(job: RenderJob): void {
    this.queue.push(job)
  }

  /** A worker is free: the job it should render now, or undefined to leave it idle for now. */
  next(): RenderJob | undefined {
    // First come, first served: every tenant's documents are equally important.
    return this.queue.shift()
  }

  /** A job the dispatcher got from next() is done (or failed, and will be enqueued again). */
  finished(job: RenderJob, renderMs: number): void {
    if (renderMs > 30_000) this.log(`${job.jobId} ${job.tenantId} took ${renderMs} ms (${job.pages} pages)`)
  }
}
