import type { Scout } from '../search/scout'
import { ScoutUnavailableError, VersionConflictError } from '../search/scout'
import { toDocument } from '../search/listingDocument'
import type { Database } from '../storage/database'
import type { Listing } from './listings'

/** A listing as stored: with the flag that says Scout has not confirmed its current version yet. */
export type StoredListing = Listing & { searchDirty: boolean }

export type SearchSyncOptions = { db: Database; scout: Scout; node: string; log?: (line: string) => void; pollEveryMs?: number; batch?: number }

// No queue of changes: the state to reach is in the listing itself. Every save sets searchDirty in
// the same write as the change; every pod's relay puts dirty listings to Scout with their version
// and clears the flag with a compare-and-set on that version, so a change that arrived meanwhile
// keeps it dirty. Relays may put the same listing at the same time, a retry may land late, the
// search team may put an older copy: Scout's versions keep the newest, and a 409 counts as done.
// A listing stays dirty until Scout has it, however long Scout is down or whichever pod dies.
export class SearchSync {
  private readonly db: Database
  private readonly scout: Scout
  private readonly node: string
  private readonly log: (line: string) => void
  private readonly pollEveryMs: number
  private readonly batch: number
  private timer: ReturnType<typeof setTimeout> | undefined
  private stopped = false
  private failedPasses = 0

  constructor(options: SearchSyncOptions) {
    this.db = options.db
    this.scout = options.scout
    this.node = options.node
    this.log = options.log ?? (() => {})
    this.pollEveryMs = options.pollEveryMs ?? 1_000
    this.batch = options.batch ?? 25
  }

  start(): void {
    const loop = async () => {
      if (this.stopped) return
      let found = 0
      let confirmed = 0
      try {
        ;({ found, confirmed } = await this.pass())
      } catch (error) {
        this.log(`${this.node} search relay: ${(error as Error).message}`)
      }
      this.failedPasses = found > 0 && confirmed === 0 ? this.failedPasses + 1 : 0
      const wait = this.failedPasses > 0 ? Math.min(30_000, this.pollEveryMs * 2 ** this.failedPasses) : found === this.batch ? 50 : this.pollEveryMs
      if (!this.stopped) this.timer = setTimeout(() => void loop(), wait)
    }
    void loop()
  }

  stop(): void {
    this.stopped = true
    if (this.timer !== undefined) clearTimeout(this.timer)
  }

  private async pass(): Promise<{ found: number; confirmed: number }> {
    const dirty = await this.db.select<StoredListing>('listings', { where: { searchDirty: true }, limit: this.batch })
    const results = await Promise.all(dirty.map((listing) => this.confirm(listing)))
    return { found: dirty.length, confirmed: results.filter(Boolean).length }
  }

  private async confirm(listing: StoredListing): Promise<boolean> {
    try {
      await this.scout.put(toDocument(listing), { version: listing.version })
    } catch (error) {
      if (error instanceof ScoutUnavailableError) return false
      if (!(error instanceof VersionConflictError)) throw error
    }
    await this.db.update('listings', listing.id, { ...listing, searchDirty: false }, { version: listing.version, searchDirty: true })
    return true
  }
}
