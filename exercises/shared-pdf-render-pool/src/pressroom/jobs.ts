// A render job: one PDF (an invoice, a credit note, a statement) for one tenant.

export type JobKind =
  /** Someone clicked "Send" or "Download PDF" in the app and is waiting for it. */
  | 'interactive'
  /** Part of a batch submitted through the API (a month-end run, recurring invoices, statements). */
  | 'batch'

export type RenderJob = {
  jobId: string
  tenantId: string
  kind: JobKind
  /** Pages of the document; known when the job is submitted. */
  pages: number
  /** The batch it belongs to, for batch jobs. */
  batchId?: string
  /** When it was submitted, ms since the epoch. */
  submittedAt: number
}

/**
 * The renderer team's rule of thumb: Chromium needs about 250 ms to set up a document and 60 ms
 * a page, give or take half of that for fonts, images and the machine's mood.
 */
export function estimatedRenderMs(pages: number): number {
  return 250 + 60 * pages
}
