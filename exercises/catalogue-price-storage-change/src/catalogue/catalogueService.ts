// The catalogue service: product pages, price changes by the merchandisers, new listings.
// This is the code of the next release; v1.14.0, in production today, is in
// tests/visible/production.ts.
import type { CatalogueApi, InstanceDeps } from '../release/release'
import type { DocumentStore } from '../storage/documentStore'
import type { NewProduct, ProductDocument, ProductView } from './product'

export class CatalogueService implements CatalogueApi {
  private readonly store: DocumentStore
  private readonly instance: string
  private readonly log: (line: string) => void

  constructor(deps: InstanceDeps) {
    this.store = deps.store
    this.instance = deps.instance
    this.log = deps.log ?? (() => {})
  }

  async getProduct(sku: string): Promise<ProductView | undefined> {
    const document = (await this.store.findOne(sku)) as ProductDocument | undefined
    if (!document) return undefined
    return { sku: document.sku, name: document.name, priceMinor: document.priceMinor, currency: document.currency }
  }

  async updatePrice(sku: string, priceMinor: number): Promise<void> {
    const now = Date.now()
    const changed = await this.store.updateOne(sku, { set: { priceMinor, currency: 'EUR', updatedAt: now } })
    if (!changed) throw new Error(`no product ${sku}`)
    this.log(`${this.instance} ${sku} price ${priceMinor}`)
  }

  async createProduct(product: NewProduct): Promise<void> {
    const now = Date.now()
    const document: ProductDocument = { sku: product.sku, name: product.name, priceMinor: product.priceMinor, currency: 'EUR', createdAt: now, updatedAt: now }
    if (!(await this.store.insertOne(document))) throw new Error(`product ${product.sku} exists`)
  }
}
