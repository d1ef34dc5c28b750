// v1.14.0, the catalogue service running on all four instances today, exactly as deployed. The
// scenarios start from it, whatever src/ says: a release changes the code only once the
// pipeline rolls it out.
import type { NewProduct, ProductView } from '../../src/catalogue/product'
import type { CatalogueApi, InstanceDeps } from '../../src/release/release'
import type { DocumentStore } from '../../src/storage/documentStore'

export class CatalogueServiceV1 implements CatalogueApi {
  private readonly store: DocumentStore

  constructor(deps: InstanceDeps) {
    this.store = deps.store
  }

  async getProduct(sku: string): Promise<ProductView | undefined> {
    const document = await this.store.findOne(sku)
    if (!document) return undefined
    return { sku: document.sku, name: String(document.name), priceMinor: Math.round((document.price as number) * 100), currency: 'EUR' }
  }

  async updatePrice(sku: string, priceMinor: number): Promise<void> {
    const changed = await this.store.updateOne(sku, { set: { price: priceMinor / 100, updatedAt: Date.now() } })
    if (!changed) throw new Error(`no product ${sku}`)
  }

  async createProduct(product: NewProduct): Promise<void> {
    const now = Date.now()
    const document = { sku: product.sku, name: product.name, price: product.priceMinor / 100, createdAt: now, updatedAt: now }
    if (!(await this.store.insertOne(document))) throw new Error(`product ${product.sku} exists`)
  }
}
