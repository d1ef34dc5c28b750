// The catalogue service: product pages, price changes by the merchandisers, new listings.
// This is the code of the next releases; v1.14.0, in production today, is in
// tests/visible/production.ts.
import type { CatalogueApi, InstanceDeps } from '../release/release'
import type { DocumentStore } from '../storage/documentStore'
import { type NewProduct, type ProductView, toEuros, toMinor } from './product'

export type Phase = {
  /** Which fields writes set. */
  writes: 'both' | 'cents'
}

export class CatalogueService implements CatalogueApi {
  private readonly store: DocumentStore
  private readonly phase: Phase

  constructor(deps: InstanceDeps, phase: Phase) {
    this.store = deps.store
    this.phase = phase
  }

  async getProduct(sku: string): Promise<ProductView | undefined> {
    const document = await this.store.findOne(sku)
    if (!document) return undefined
    // The cents when a document has them, the float otherwise.
    const priceMinor = typeof document.priceMinor === 'number' ? document.priceMinor : toMinor(document.price as number)
    return { sku: document.sku, name: String(document.name), priceMinor, currency: 'EUR' }
  }

  async updatePrice(sku: string, priceMinor: number): Promise<void> {
    const set: Record<string, unknown> = { priceMinor, currency: 'EUR', updatedAt: Date.now() }
    if (this.phase.writes === 'both') set.price = toEuros(priceMinor)
    const changed = await this.store.updateOne(sku, this.phase.writes === 'both' ? { set } : { set, unset: ['price'] })
    if (!changed) throw new Error(`no product ${sku}`)
  }

  async createProduct(product: NewProduct): Promise<void> {
    const now = Date.now()
    const document: Record<string, unknown> & { sku: string } = { sku: product.sku, name: product.name, priceMinor: product.priceMinor, currency: 'EUR', createdAt: now, updatedAt: now }
    if (this.phase.writes === 'both') document.price = toEuros(product.priceMinor)
    if (!(await this.store.insertOne(document))) throw new Error(`product ${product.sku} exists`)
  }
}
