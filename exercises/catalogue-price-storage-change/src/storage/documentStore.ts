// The catalogue's document store (MongoDB in production, one replica set shared by every
// instance of the catalogue service and by the jobs the deploy pipeline runs; in memory in the
// scenarios). Documents are schemaless: a document has whatever fields its last writers set.

export type ProductDocumentFields = Record<string, unknown> & { sku: string }

export type Change = {
  /** $set: these fields get these values (other fields are kept). */
  set?: Record<string, unknown>
  /** $unset: these fields are removed. */
  unset?: string[]
}

/** Field → value the document must have; `undefined` means the field must be absent. */
export type Match = Record<string, unknown>

export interface DocumentStore {
  findOne(sku: string): Promise<ProductDocumentFields | undefined>
  /** Inserts the document; false when a document with that sku exists. Atomic. */
  insertOne(document: ProductDocumentFields): Promise<boolean>
  /**
   * updateOne({ sku, ...where }, { $set, $unset }): changes the document only if it exists and
   * matches `where` (compare-and-set). True when it changed it. Atomic.
   */
  updateOne(sku: string, change: Change, where?: Match): Promise<boolean>
  /** For batch jobs: up to `limit` documents whose sku sorts after `after`, in sku order. */
  scan(after: string, limit: number): Promise<ProductDocumentFields[]>
}

export type InMemoryDocumentStoreOptions = {
  /** Awaited on every command, to play the network round trip to the replica set. */
  roundTrip?: () => Promise<void>
}

export class InMemoryDocumentStore implements DocumentStore {
  private readonly documents = new Map<string, ProductDocumentFields>()
  private readonly roundTrip: () => Promise<void>
  /** The skus in order, kept for scan(); dropped when a document is inserted. */
  private sorted: string[] | undefined

  constructor(options: InMemoryDocumentStoreOptions = {}) {
    this.roundTrip = options.roundTrip ?? (() => Promise.resolve())
  }

  async findOne(sku: string): Promise<ProductDocumentFields | undefined> {
    await this.roundTrip()
    const document = this.documents.get(sku)
    return document ? { ...document } : undefined
  }

  async insertOne(document: ProductDocumentFields): Promise<boolean> {
    await this.roundTrip()
    if (this.documents.has(document.sku)) return false
    this.documents.set(document.sku, { ...document })
    this.sorted = undefined
    return true
  }

  async updateOne(sku: string, change: Change, where: Match = {}): Promise<boolean> {
    await this.roundTrip()
    const current = this.documents.get(sku)
    if (!current || !matches(current, where)) return false
    const next: ProductDocumentFields = { ...current, ...change.set, sku }
    for (const field of change.unset ?? []) if (field !== 'sku') delete next[field]
    this.documents.set(sku, next)
    return true
  }

  async scan(after: string, limit: number): Promise<ProductDocumentFields[]> {
    await this.roundTrip()
    this.sorted ??= [...this.documents.keys()].sort()
    const skus = this.sorted
    let low = 0
    let high = skus.length
    while (low < high) {
      const middle = (low + high) >> 1
      if ((skus[middle] as string) <= after) low = middle + 1
      else high = middle
    }
    return skus.slice(low, low + limit).map((sku) => ({ ...(this.documents.get(sku) as ProductDocumentFields) }))
  }

  /** Loads documents without a round trip, as a restore from a backup would. For setting up the scenarios. */
  load(documents: ProductDocumentFields[]) {
    for (const document of documents) this.documents.set(document.sku, { ...document })
    this.sorted = undefined
  }

  /** Every document as it is now. For the scenarios' measurements. */
  all(): ProductDocumentFields[] {
    return [...this.documents.values()].map((document) => ({ ...document }))
  }
}

function matches(document: ProductDocumentFields, where: Match) {
  return Object.entries(where).every(([field, value]) => (value === undefined ? !(field in document) : document[field] === value))
}
