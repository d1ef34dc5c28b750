// The catalogue service: product pages, price changes by the merchandisers, new listings.
// This is the code of the next releases; v1.14.0, in production today, is in
// tests/visible/production.ts.
//
// The float, while a document has it, is that document's price: every writer that knows the
// cents either writes the float too (while readers of the float may run) or removes it, so a
// float that is there was written by the last writer, whoever that was. Once the float is gone
// for good, the cents are the price.
import type { CatalogueApi, InstanceDeps } from '../release/release'
import type { DocumentStore, ProductDocumentFields } from '../storage/documentStore'
import { type NewProduct, type ProductView, toEuros, toMinor } from './product'
import { contractAll } from './migrations'

export function priceOf(document: ProductDocumentFields): number | undefined {
  if (typeof document.price === 'number') return toMinor(document.price)
  return typeof document.priceMinor === 'number' ? document.priceMinor : undefined
}

export class CatalogueService implements CatalogueApi {
  private readonly store: DocumentStore
  private readonly writesFloat: boolean
  private readonly sweepEveryMs: number | undefined
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(deps: InstanceDeps, options: { writesFloat: boolean; sweepEveryMs?: number }) {
    this.store = deps.store
    this.writesFloat = options.writesFloat
    this.sweepEveryMs = options.sweepEveryMs
    if (this.sweepEveryMs !== undefined) this.timer = setTimeout(() => void this.sweep(), this.sweepEveryMs)
  }

  async getProduct(sku: string): Promise<ProductView | undefined> {
    const document = await this.store.findOne(sku)
    if (!document) return undefined
    const priceMinor = priceOf(document)
    if (priceMinor === undefined) throw new Error(`product ${sku} has no price`)
    return { sku: document.sku, name: String(document.name), priceMinor, currency: 'EUR' }
  }

  async updatePrice(sku: string, priceMinor: number): Promise<void> {
    const set = { priceMinor, currency: 'EUR', updatedAt: Date.now() }
    const change = this.writesFloat ? { set: { ...set, price: toEuros(priceMinor) } } : { set, unset: ['price'] }
    if (!(await this.store.updateOne(sku, change))) throw new Error(`no product ${sku}`)
  }

  async createProduct(product: NewProduct): Promise<void> {
    const now = Date.now()
    const document: ProductDocumentFields = { sku: product.sku, name: product.name, priceMinor: product.priceMinor, currency: 'EUR', createdAt: now, updatedAt: now }
    if (this.writesFloat) document.price = toEuros(product.priceMinor)
    if (!(await this.store.insertOne(document))) throw new Error(`product ${product.sku} exists`)
  }

  close() {
    if (this.timer !== undefined) clearTimeout(this.timer)
    this.timer = undefined
  }

  // Floats written since by anyone still writing the v1 way become cents.
  private async sweep() {
    await contractAll(this.store).catch(() => 0)
    if (this.timer !== undefined) this.timer = setTimeout(() => void this.sweep(), this.sweepEveryMs)
  }
}
