// The API in front of pressroom: the app asks for one PDF when someone clicks "Send" or
// "Download PDF"; integrations submit batches (month-end runs, recurring invoices, statements).
// The platform team owns it.
import type { Dispatcher } from './dispatcher'
import type { RenderJob } from './jobs'
import type { RenderedDocument } from './renderer'

export type DocumentRequest = { tenantId: string; documentId: string; pages: number }

export class RenderApi {
  private readonly dispatcher: Pick<Dispatcher, 'submit'>
  private batches = 0

  constructor(dispatcher: Pick<Dispatcher, 'submit'>) {
    this.dispatcher = dispatcher
  }

  /** POST /documents/:id/pdf: the user waits for the answer. */
  renderNow(request: DocumentRequest): Promise<RenderedDocument> {
    return this.dispatcher.submit(this.job(request, 'interactive'))
  }

  /** POST /batches: every document of the batch; resolves per document as each is rendered. */
  renderBatch(tenantId: string, documents: Array<Omit<DocumentRequest, 'tenantId'>>): { batchId: string; rendered: Array<Promise<RenderedDocument>> } {
    const batchId = `bat_${++this.batches}`
    const rendered = documents.map((document) => this.dispatcher.submit(this.job({ tenantId, ...document }, 'batch', batchId)))
    return { batchId, rendered }
  }

  private job(request: DocumentRequest, kind: RenderJob['kind'], batchId?: string): RenderJob {
    const job: RenderJob = { jobId: `job_${request.documentId}`, tenantId: request.tenantId, kind, pages: request.pages, submittedAt: Date.now() }
    if (batchId !== undefined) job.batchId = batchId
    return job
  }
}
