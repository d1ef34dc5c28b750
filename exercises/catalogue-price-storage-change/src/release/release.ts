// What a release of the catalogue service is, and how the deploy pipeline rolls one out. The
// pipeline belongs to the platform team: keep these types.
//
// The pipeline, from the platform team's handbook:
// - The catalogue runs on four instances behind a load balancer; every request goes to any of them.
// - A plan is a list of releases, rolled out in order. For each release: its beforeRollout job
//   runs (if any) and must finish; then the instances get the release one at a time, 20 s apart
//   (an instance finishes the requests it has in flight on the old code); once all four run it,
//   its afterRollout job runs (if any) and must finish; the next release starts 30 s later.
// - A job is a batch process with access to the store, run once, on its own, while the
//   instances keep serving. A job that throws stops the pipeline.
// - An instance lives until the pipeline replaces it; it may run work of its own (timers, say).
//   When it is replaced the pipeline calls its close(), if it has one, and the process exits.
import type { NewProduct, ProductView } from '../catalogue/product'
import type { DocumentStore } from '../storage/documentStore'

/** What an instance of the catalogue service answers (GET /products/:sku, PUT …/price, POST /products). */
export interface CatalogueApi {
  getProduct(sku: string): Promise<ProductView | undefined>
  updatePrice(sku: string, priceMinor: number): Promise<void>
  createProduct(product: NewProduct): Promise<void>
  /** Called when the pipeline replaces the instance: stop whatever it runs on its own. */
  close?(): void
}

export type InstanceDeps = {
  store: DocumentStore
  /** Which instance this is ('catalogue-3'), for the logs. */
  instance: string
  log?: (line: string) => void
}

export type JobContext = { store: DocumentStore; log: (line: string) => void }

export type Release = {
  /** The version number, for the logs ('1.15.0'). */
  version: string
  /** Runs once, before the first instance gets this release. */
  beforeRollout?: (context: JobContext) => Promise<void>
  /** Creates one instance of the service running this release. */
  createInstance: (deps: InstanceDeps) => CatalogueApi
  /** Runs once, after every instance runs this release. */
  afterRollout?: (context: JobContext) => Promise<void>
}
