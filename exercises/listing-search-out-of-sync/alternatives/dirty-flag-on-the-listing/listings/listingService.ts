import type { Database } from '../storage/database'
import { type Listing, type ListingChanges, type ListingDraft, ListingNotFoundError } from './listings'
import type { StoredListing } from './searchSync'

export type ListingServiceDeps = {
  db: Database
  /** Which pod this is ('market-2'), for the logs and for new listings' ids. */
  node?: string
  log?: (line: string) => void
}

// Creating and changing listings. The database is the source of truth; Scout gets a copy of
// every listing so buyers can find it. Every save marks the listing dirty for search in the same
// write; the relay (searchSync.ts) brings Scout up to date and clears the mark.
export class ListingService {
  private readonly db: Database
  private readonly node: string
  private readonly log: (line: string) => void
  private created = 0

  constructor(deps: ListingServiceDeps) {
    this.db = deps.db
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async create(sellerId: string, draft: ListingDraft): Promise<Listing> {
    const listing: StoredListing = {
      id: `lst-${this.node}-${++this.created}`,
      sellerId,
      title: draft.title.trim(),
      category: draft.category,
      priceCents: draft.priceCents,
      status: 'available',
      version: 1,
      updatedAt: Date.now(),
      searchDirty: true,
    }
    await this.db.transaction(async (tx) => tx.insert('listings', listing.id, listing))
    return listing
  }

  async update(listingId: string, changes: ListingChanges): Promise<Listing> {
    return this.db.transaction(async (tx) => {
      const current = await tx.get<StoredListing>('listings', listingId)
      if (!current) throw new ListingNotFoundError(listingId)
      const next: StoredListing = { ...current, ...changes, version: current.version + 1, updatedAt: Date.now(), searchDirty: true }
      await tx.update('listings', listingId, next, { version: current.version })
      return next
    })
  }
}
