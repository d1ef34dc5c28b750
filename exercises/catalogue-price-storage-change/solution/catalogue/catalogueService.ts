// The catalogue service: product pages, price changes by the merchandisers, new listings.
// This is the code of the next releases; v1.14.0, in production today, is in
// tests/visible/production.ts.
import type { CatalogueApi, InstanceDeps } from '../release/release'
import type { DocumentStore } from '../storage/documentStore'
import { reconcileAll } from './migrations'
import { currentPriceMinor } from './prices'
import { type NewProduct, type ProductView, toEuros } from './product'

export type CatalogueServiceOptions = {
  /**
   * 'both': write the float and the cents (while any reader of the float may run).
   * 'cents': write the cents only and remove the float (once no reader of the float is left).
   */
  writes: 'both' | 'cents'
  /** Every this often, bring documents written the v1 way (by anyone) to the new shape. Off when undefined. */
  reconcileEveryMs?: number
}

export class CatalogueService implements CatalogueApi {
  private readonly store: DocumentStore
  private readonly instance: string
  private readonly log: (line: string) => void
  private readonly options: CatalogueServiceOptions
  private timer: ReturnType<typeof setTimeout> | undefined
  private closed = false

  constructor(deps: InstanceDeps, options: CatalogueServiceOptions) {
    this.store = deps.store
    this.instance = deps.instance
    this.log = deps.log ?? (() => {})
    this.options = options
    if (options.reconcileEveryMs !== undefined) this.timer = setTimeout(() => void this.reconcileLoop(), options.reconcileEveryMs)
  }

  async getProduct(sku: string): Promise<ProductView | undefined> {
    const document = await this.store.findOne(sku)
    if (!document) return undefined
    const priceMinor = currentPriceMinor(document)
    if (priceMinor === undefined) throw new Error(`product ${sku} has no price`)
    return { sku: document.sku, name: String(document.name), priceMinor, currency: 'EUR' }
  }

  async updatePrice(sku: string, priceMinor: number): Promise<void> {
    const now = Date.now()
    const cents = { priceMinor, currency: 'EUR', updatedAt: now, centsWrittenAt: now }
    const change = this.options.writes === 'both' ? { set: { ...cents, price: toEuros(priceMinor) } } : { set: cents, unset: ['price'] }
    if (!(await this.store.updateOne(sku, change))) throw new Error(`no product ${sku}`)
    this.log(`${this.instance} ${sku} price ${priceMinor}`)
  }

  async createProduct(product: NewProduct): Promise<void> {
    const now = Date.now()
    const document = { sku: product.sku, name: product.name, priceMinor: product.priceMinor, currency: 'EUR', createdAt: now, updatedAt: now, centsWrittenAt: now }
    const inserted = await this.store.insertOne(this.options.writes === 'both' ? { ...document, price: toEuros(product.priceMinor) } : document)
    if (!inserted) throw new Error(`product ${product.sku} exists`)
  }

  close() {
    this.closed = true
    if (this.timer !== undefined) clearTimeout(this.timer)
  }

  private async reconcileLoop() {
    try {
      const fixed = await reconcileAll(this.store, true)
      if (fixed > 0) this.log(`${this.instance} reconciled ${fixed} documents written the v1 way`)
    } catch (error) {
      this.log(`${this.instance} reconciling failed: ${String(error)}`)
    }
    if (!this.closed) this.timer = setTimeout(() => void this.reconcileLoop(), this.options.reconcileEveryMs)
  }
}
