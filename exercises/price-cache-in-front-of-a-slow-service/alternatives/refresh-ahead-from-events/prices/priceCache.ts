import type { Price, PriceHub } from '../pricing/priceHub'
import type { PriceChanged } from '../pricing/priceEvents'

export type PriceCacheOptions = {
  priceHub: PriceHub
  /** A price in demand is read again in the background once it is this old. */
  refreshAfterMs?: number
  /**
   * Never shown once read longer ago than this: the pricing rule is 60 s after a change, and a
   * replica may serve a price up to 2 s after it changed.
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
  /** When we asked PriceHub for a price that was current: its age counts from here. */
  readAt: number
  /** When a request last got it: only prices in demand are worth reading again. */
  shownAt: number
  /** No refresh before this: PriceHub just failed. */
  retryAt: number
  failures: number
  /** Reads in a row that found the replica behind the announced version. */
  behind: number
}

const TICK_MS = 1_000
/** A price shown this recently is in demand: the refresher keeps it fresh. Others may age out. */
const IN_DEMAND_MS = 10_000
const REPLICA_CATCH_UP_MS = 1_000
const REPLICA_RETRY_MS = 500
/** Background reads one node may have in flight: PriceHub's gateway allows 20 for the whole service. */
const MAX_BACKGROUND_READS = 6
const MAX_BACKOFF_MS = 8_000
const RECENT_CHANGES = 2_000

// Refresh-ahead: requests never wait for freshness. A request reads PriceHub only for a price
// this node does not hold (or holds past its maximum age); everything else is the refresher's
// job, in the background:
// - a price.changed event for a price in demand (shown in the last 10 s) reads it again a
//   second after the change, and again after 0.5, 1, 2 s … while the replica still serves an
//   older version than the event announced; a price not in demand is dropped instead;
// - once a second, prices in demand and older than refreshAfterMs are read again, a few at a
//   time, so a price in demand never reaches its maximum age, even if its event never comes;
// - prices nobody looked at are left to age out, and a hard bound evicts the least recently
//   shown first.
// Reads of one SKU are shared (one call at a time per SKU, whoever asks).
export class PriceCache {
  private readonly entries = new Map<string, Entry>()
  private readonly loading = new Map<string, Promise<Price>>()
  /** The newest version an event announced, per SKU. */
  private readonly announced = new Map<string, number>()
  private readonly priceHub: PriceHub
  private readonly refreshAfterMs: number
  private readonly maxAgeMs: number
  private readonly maxEntries: number
  private readonly node: string
  private readonly log: (line: string) => void
  private ticking = false

  constructor(options: PriceCacheOptions) {
    this.priceHub = options.priceHub
    this.refreshAfterMs = options.refreshAfterMs ?? 25_000
    this.maxAgeMs = options.maxAgeMs ?? 45_000
    this.maxEntries = options.maxEntries ?? 1_500
    this.node = options.node ?? 'local'
    this.log = options.log ?? (() => {})
  }

  async getPrice(sku: string): Promise<Price> {
    const entry = this.entries.get(sku)
    if (entry && Date.now() - entry.readAt < this.maxAgeMs) {
      entry.shownAt = Date.now()
      this.entries.delete(sku)
      this.entries.set(sku, entry)
      return entry.price
    }
    return this.load(sku)
  }

  onPriceChanged(event: PriceChanged): void {
    if (event.version <= (this.announced.get(event.sku) ?? 0)) return
    this.announced.delete(event.sku)
    this.announced.set(event.sku, event.version)
    if (this.announced.size > RECENT_CHANGES) this.announced.delete(this.announced.keys().next().value as string)
    const entry = this.entries.get(event.sku)
    if (!entry || entry.price.version >= event.version) return
    if (Date.now() - entry.shownAt >= IN_DEMAND_MS) {
      this.entries.delete(event.sku)
      return
    }
    // Replicas usually have a change within a second of it; reading sooner mostly finds the old version.
    const wait = Math.min(REPLICA_CATCH_UP_MS, Math.max(0, event.changedAt + REPLICA_CATCH_UP_MS - Date.now()))
    setTimeout(() => this.refreshIfBehind(event.sku), wait)
  }

  stats(): PriceCacheStats {
    return { entries: this.entries.size }
  }

  private refresh(sku: string) {
    this.load(sku).catch(() => {})
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
    const askedAt = Date.now()
    let price: Price
    try {
      price = await this.priceHub.getPrice(sku)
    } catch (error) {
      const held = this.entries.get(sku)
      if (held) {
        held.failures++
        held.retryAt = Date.now() + Math.min(MAX_BACKOFF_MS, REPLICA_RETRY_MS * 2 ** held.failures)
      }
      throw error
    }
    const held = this.entries.get(sku)
    if (held && held.price.version > price.version) return held.price
    const behind = price.version < (this.announced.get(sku) ?? 0)
    // A replica behind the event: keep what it has, but its age counts from the last read that was current.
    const readAt = behind ? (held?.readAt ?? askedAt) : askedAt
    const tries = behind ? (held?.behind ?? 0) + 1 : 0
    this.store(sku, { price, readAt, shownAt: held?.shownAt ?? askedAt, retryAt: 0, failures: 0, behind: tries })
    if (behind) {
      this.log(`${this.node} ${sku} replica still at v${price.version}, asking again`)
      setTimeout(() => this.refreshIfBehind(sku), Math.min(MAX_BACKOFF_MS, REPLICA_RETRY_MS * 2 ** (tries - 1)))
    }
    return price
  }

  private refreshIfBehind(sku: string) {
    const entry = this.entries.get(sku)
    if (entry && entry.price.version < (this.announced.get(sku) ?? 0)) this.refresh(sku)
  }

  private store(sku: string, entry: Entry) {
    this.entries.delete(sku)
    this.entries.set(sku, entry)
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
    if (!this.ticking) {
      this.ticking = true
      setTimeout(() => this.tick(), TICK_MS)
    }
  }

  /** The refresher: reads again what is in demand and getting old, lets the rest age out. */
  private tick() {
    const now = Date.now()
    for (const [sku, entry] of this.entries) {
      const age = now - entry.readAt
      if (age >= this.maxAgeMs) {
        if (!this.loading.has(sku)) this.entries.delete(sku)
      } else if (now >= entry.retryAt && !this.loading.has(sku)) {
        const inDemand = now - entry.shownAt < IN_DEMAND_MS
        // An outdated price in demand goes first: its event came, but its last read failed.
        const outdated = entry.price.version < (this.announced.get(sku) ?? 0)
        if (inDemand && (outdated || (age >= this.refreshAfterMs && this.loading.size < MAX_BACKGROUND_READS))) this.refresh(sku)
      }
    }
    this.ticking = this.entries.size > 0
    if (this.ticking) setTimeout(() => this.tick(), TICK_MS)
  }
}
