import type { Product, ProductStore } from './productStore'
import { TtlCache } from './ttlCache'
import { cacheKeys } from './cacheKeys'

export const DEFAULT_CACHE_TTL_MS = 10 * 60 * 1000

export type CatalogOptions = {
  cacheTtlMs?: number
}

// Read-through cache in front of the product store. The storefront (product
// pages, category pages, cart) only reads; the back office writes.
export class CatalogService {
  private readonly store: ProductStore
  private readonly cache: TtlCache<Product | Product[]>

  constructor(store: ProductStore, options: CatalogOptions = {}) {
    this.store = store
    this.cache = new TtlCache(options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS)
  }

  // Storefront lookup. SKUs are case-insensitive.
  // `fresh` skips the cache, for callers that must charge the current price.
  async getProduct(sku: string, options: { fresh?: boolean } = {}): Promise<Product | undefined> {
    const key = cacheKeys.product(sku)
    if (options.fresh) {
      const product = await this.store.findBySku(sku)
      if (product) this.cache.set(key, product)
      return product ? { ...product } : undefined
    }
    const cached = this.cache.get(key) as Product | undefined
    if (cached) return { ...cached }

    const product = await this.store.findBySku(sku)
    if (product) this.cache.set(key, product)
    return product ? { ...product } : undefined
  }

  async listCategory(category: string): Promise<Product[]> {
    const key = cacheKeys.category(category)
    const cached = this.cache.get(key) as Product[] | undefined
    if (cached) return cached.map((p) => ({ ...p }))

    const products = (await this.store.listByCategory(category)).filter((p) => p.active)
    this.cache.set(key, products)
    return products.map((p) => ({ ...p }))
  }

  // Back office: the admin screens address products by their database id.
  async updatePrice(productId: string, priceCents: number): Promise<Product> {
    if (!Number.isInteger(priceCents) || priceCents <= 0) {
      throw new RangeError(`invalid price ${priceCents} for ${productId}`)
    }
    return this.update(productId, (p) => ({ ...p, priceCents }))
  }

  async setActive(productId: string, active: boolean): Promise<Product> {
    return this.update(productId, (p) => ({ ...p, active }))
  }

  private async update(productId: string, change: (p: Product) => Product): Promise<Product> {
    const current = await this.store.findById(productId)
    if (!current) throw new Error(`unknown product ${productId}`)
    const updated = change(current)
    await this.store.save(updated)
    this.evict(updated)
    return { ...updated }
  }

  private evict(product: Product): void {
    this.cache.delete(cacheKeys.product(product.id))
    this.cache.delete(cacheKeys.category(product.category))
  }
}
