import type { Price, PriceHub } from '../pricing/priceHub'
import type { PriceChanged } from '../pricing/priceEvents'

export type PriceCacheOptions = {
  priceHub: PriceHub
  /** Served without asking PriceHub again for this long after it was read. */
  freshMs?: number
  /**
   * Never shown once read longer ago than this, whatever happens: the pricing team's rule is
   * 60 s after a change, and a price may already be up to 2 s behind when a replica serves it.
   */
  maxAgeMs?: number
  /** At most this many prices in memory; the least recently shown go first. */
  maxEntries?: number
  /** Which node this is ('bff-1'), for the logs. */
  node?: string
  log?: (line: string) => void
}

export type PriceCacheStats = {
  /** Prices held in memory: exported as the price_cache_entries gauge on the ops dashboard. */
  entries: number
}

type Entry = {
  price: Price
  /** When we asked PriceHub: the price was current then, so its age counts from here. */
  readAt: number
  /** No refresh before this: PriceHub just failed, or its replica had not caught up yet. */
  retryAt: number
  failures: number
}

const RETRY_MS = 400
const MAX_BACKOFF_MS = 8_000
const RECENT_CHANGES = 2_000

// An in-memory cache of PriceHub prices, one per BFF node. Four rules:
// - one read of PriceHub per SKU at a time, however many requests want it (single flight);
// - a price past freshMs, or one an event said is outdated, is still shown while one
//   refresh runs in the background, but never once it is maxAgeMs old: then requests wait;
// - versions, not arrival order, decide: an event raises the version we expect, and a read
//   that comes back older (a lagging replica) is kept as outdated and asked again shortly;
// - a bounded number of entries, least recently shown evicted first.
export class PriceCache {
  private readonly entries = new Map<string, Entry>()
  private readonly loading = new Map<string, Promise<Price>>()
  /** The newest version an event announced, per SKU, whether or not we hold the price. */
  private readonly announced = new Map<string, number>()
  private readonly priceHub: PriceHub
  private readonly freshMs: number
  private readonly maxAgeMs: number
  private readonly maxEntries: number
  private readonly node: string
  private readonly log: (line: string) => void

  constructor(options: PriceCacheOptions) {
    this.priceHub = options.priceHub
    this.freshMs = options.freshMs ?? 20_000
    this.maxAgeMs = options.maxAgeMs ?? 45_000
    this.maxEntries = options.maxEntries ?? 1_500
    this.node = options.node ?? 'local'
    this.log = options.log ?? (() => {})
  }

  async getPrice(sku: string): Promise<Price> {
    const entry = this.entries.get(sku)
    if (entry) {
      const now = Date.now()
      const age = now - entry.readAt
      if (age < this.maxAgeMs) {
        this.touch(sku, entry)
        const current = entry.price.version >= (this.announced.get(sku) ?? 0)
        if ((!current || age >= this.freshMs) && now >= entry.retryAt) {
          this.load(sku).catch(() => {})
        }
        return entry.price
      }
    }
    return this.load(sku)
  }

  /** Marks our price outdated; the next request refreshes it while still showing it. */
  onPriceChanged(event: PriceChanged): void {
    const known = this.announced.get(event.sku) ?? 0
    if (event.version <= known) return
    this.announced.delete(event.sku)
    this.announced.set(event.sku, event.version)
    if (this.announced.size > RECENT_CHANGES) this.announced.delete(this.announced.keys().next().value as string)
    const entry = this.entries.get(event.sku)
    if (entry && entry.price.version < event.version) entry.retryAt = 0
  }

  stats(): PriceCacheStats {
    return { entries: this.entries.size }
  }

  private load(sku: string): Promise<Price> {
    let pending = this.loading.get(sku)
    if (!pending) {
      pending = this.read(sku).finally(() => this.loading.delete(sku))
      this.loading.set(sku, pending)
    }
    return pending
  }

  private async read(sku: string): Promise<Price> {
    const readAt = Date.now()
    const price = await this.priceHub.getPrice(sku).catch((error: unknown) => {
      // Keep showing what we have (within its age), but do not ask again on every request.
      const held = this.entries.get(sku)
      if (held) {
        held.failures++
        held.retryAt = Date.now() + Math.min(MAX_BACKOFF_MS, RETRY_MS * 2 ** held.failures)
      }
      throw error
    })
    const entry = this.entries.get(sku)
    if (entry && entry.price.version > price.version) {
      entry.retryAt = Date.now() + RETRY_MS
      return entry.price
    }
    if (price.version < (this.announced.get(sku) ?? 0)) {
      // The replica has not seen the change yet. Show what it has, but its age keeps counting
      // from our last good read, and ask again shortly.
      this.store(sku, { price, readAt: entry?.readAt ?? readAt, retryAt: Date.now() + RETRY_MS, failures: 0 })
      this.log(`${this.node} ${sku} replica still at v${price.version}, asking again`)
      return price
    }
    this.store(sku, { price, readAt, retryAt: 0, failures: 0 })
    return price
  }

  private store(sku: string, entry: Entry) {
    this.entries.delete(sku)
    this.entries.set(sku, entry)
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
  }

  private touch(sku: string, entry: Entry) {
    this.entries.delete(sku)
    this.entries.set(sku, entry)
  }
}
