import { type Scout, ScoutUnavailableError, VersionConflictError } from '../search/scout'
import { toDocument } from '../search/listingDocument'
import type { Database } from '../storage/database'
import { type Listing, type ListingChanges, type ListingDraft, ListingNotFoundError } from './listings'

export type ListingServiceDeps = {
  db: Database
  scout: Scout
  /** Which pod this is ('market-2'), for the logs and for new listings' ids. */
  node?: string
  log?: (line: string) => void
}

// Creating and changing listings. The database is the source of truth; Scout gets a copy of
// every listing so buyers can find it. The save answers as soon as the database has committed;
// the put to Scout runs in the background, with its version, and is retried until Scout takes it.
export class ListingService {
  private readonly db: Database
  private readonly scout: Scout
  private readonly node: string
  private readonly log: (line: string) => void
  private created = 0

  constructor(deps: ListingServiceDeps) {
    this.db = deps.db
    this.scout = deps.scout
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async create(sellerId: string, draft: ListingDraft): Promise<Listing> {
    const listing: Listing = {
      id: `lst-${this.node}-${++this.created}`,
      sellerId,
      title: draft.title.trim(),
      category: draft.category,
      priceCents: draft.priceCents,
      status: 'available',
      version: 1,
      updatedAt: Date.now(),
    }
    await this.db.transaction(async (tx) => tx.insert('listings', listing.id, listing))
    void this.index(listing, 1)
    return listing
  }

  async update(listingId: string, changes: ListingChanges): Promise<Listing> {
    const saved = await this.db.transaction(async (tx) => {
      const current = await tx.get<Listing>('listings', listingId)
      if (!current) throw new ListingNotFoundError(listingId)
      const next: Listing = { ...current, ...changes, version: current.version + 1, updatedAt: Date.now() }
      await tx.update('listings', listingId, next, { version: current.version })
      return next
    })
    void this.index(saved, 1)
    return saved
  }

  private async index(listing: Listing, attempt: number): Promise<void> {
    try {
      await this.scout.put(toDocument(listing), { version: listing.version })
    } catch (error) {
      if (error instanceof VersionConflictError) return
      if (!(error instanceof ScoutUnavailableError)) throw error
      const wait = Math.min(30_000, 500 * 2 ** (attempt - 1))
      this.log(`${this.node} ${listing.id} v${listing.version} not indexed (${error.message}); retrying in ${wait} ms`)
      setTimeout(() => void this.index(listing, attempt + 1), wait)
    }
  }
}
