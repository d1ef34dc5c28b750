// The client of a render worker (headless Chromium in a container). The renderer team owns it.
import type { RenderJob } from './jobs'

export type RenderedDocument = { jobId: string; pdfBytes: number }

export interface Renderer {
  /** Renders one document on one worker; a worker renders one document at a time. */
  render(job: RenderJob): Promise<RenderedDocument>
}
