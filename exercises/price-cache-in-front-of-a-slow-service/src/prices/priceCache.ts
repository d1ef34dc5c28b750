import type { Price, PriceHub } from '../pricing/priceHub'
import type { PriceChanged } from '../pricing/priceEvents'

export type PriceCacheOptions = {
  priceHub: PriceHub
  /** How long a cached price is shown. The pricing team's rule: never more than 60 s after a change. */
  ttlMs?: number
  /** Which node this is ('bff-1'), for the logs. */
  node?: string
  log?: (line: string) => void
}

export type PriceCacheStats = {
  /** Prices held in memory: exported as the price_cache_entries gauge on the ops dashboard. */
  entries: number
}

type Entry = { price: Price; expiresAt: number }

// An in-memory, read-through cache of PriceHub prices, one per BFF node.
export class PriceCache {
  private readonly entries = new Map<string, Entry>()
  private readonly priceHub: PriceHub
  private readonly ttlMs: number
  private readonly node: string
  private readonly log: (line: string) => void

  constructor(options: PriceCacheOptions) {
    this.priceHub = options.priceHub
    this.ttlMs = options.ttlMs ?? 60_000
    this.node = options.node ?? 'local'
    this.log = options.log ?? (() => {})
  }

  async getPrice(sku: string): Promise<Price> {
    const cached = this.entries.get(sku)
    if (cached && cached.expiresAt > Date.now()) return cached.price

    const price = await this.priceHub.getPrice(sku)
    this.entries.set(sku, { price, expiresAt: Date.now() + this.ttlMs })
    return price
  }

  /** A price changed in PriceHub: drop ours, so the next request reads the new one. */
  onPriceChanged(event: PriceChanged): void {
    if (this.entries.delete(event.sku)) {
      this.log(`${this.node} ${event.sku} v${event.version} changed, dropped from the cache`)
    }
  }

  stats(): PriceCacheStats {
    return { entries: this.entries.size }
  }
}
