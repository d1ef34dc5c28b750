// pressroom's dispatcher: it owns the render workers, hands each free worker the job the
// scheduler picks, and tells the scheduler when a job is done. One dispatcher process runs the
// whole pool. The platform team owns this file: keep its behaviour and the scheduler interface
// it calls (RenderScheduler: enqueue, next, finished).
import type { RenderJob } from './jobs'
import type { RenderedDocument, Renderer } from './renderer'
import type { RenderScheduler } from './scheduler'

export type DispatcherDeps = {
  /** The number of render workers (Chromium containers). */
  workers: number
  scheduler: Pick<RenderScheduler, 'enqueue' | 'next' | 'finished'>
  renderer: Renderer
  log?: (line: string) => void
}

export class Dispatcher {
  private readonly scheduler: Pick<RenderScheduler, 'enqueue' | 'next' | 'finished'>
  private readonly renderer: Renderer
  private readonly log: (line: string) => void
  private readonly waiting = new Map<string, (document: RenderedDocument) => void>()
  private free: number

  constructor(deps: DispatcherDeps) {
    this.scheduler = deps.scheduler
    this.renderer = deps.renderer
    this.log = deps.log ?? (() => {})
    this.free = deps.workers
  }

  /** Queues a job; resolves once its PDF is rendered. */
  submit(job: RenderJob): Promise<RenderedDocument> {
    const rendered = new Promise<RenderedDocument>((resolve) => this.waiting.set(job.jobId, resolve))
    this.scheduler.enqueue(job)
    this.dispatch()
    return rendered
  }

  // Whenever a job arrives or a worker comes free: offer every free worker a job, until the
  // scheduler has none to give (it may hold jobs back; it is asked again at the next event).
  private dispatch() {
    while (this.free > 0) {
      const job = this.scheduler.next()
      if (!job) return
      this.free--
      void this.run(job)
    }
  }

  private async run(job: RenderJob) {
    const startedAt = Date.now()
    let document: RenderedDocument
    try {
      document = await this.renderer.render(job)
    } catch (error) {
      this.log(`${job.jobId} ${job.tenantId} failed, rendering it again: ${String(error)}`)
      this.free++
      this.scheduler.finished(job, Date.now() - startedAt)
      this.scheduler.enqueue(job)
      this.dispatch()
      return
    }
    this.free++
    this.scheduler.finished(job, Date.now() - startedAt)
    this.waiting.get(job.jobId)?.(document)
    this.waiting.delete(job.jobId)
    this.dispatch()
  }
}
