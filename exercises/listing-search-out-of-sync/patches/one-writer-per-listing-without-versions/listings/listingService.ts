import type { Database } from '../storage/database'
import { type Listing, type ListingChanges, type ListingDraft, ListingNotFoundError } from './listings'
import { recordForSearch } from './searchSync'

export type ListingServiceDeps = {
  db: Database
  /** Which pod this is ('market-2'), for the logs and for new listings' ids. */
  node?: string
  log?: (line: string) => void
}

// Creating and changing listings. The database is the source of truth; Scout gets a copy of
// every listing so buyers can find it. A change and the note that Scout must hear of it commit
// together, and the relay (searchSync.ts) delivers the note: no change can be saved and lost.
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
    await this.db.transaction(async (tx) => {
      await tx.insert('listings', listing.id, listing)
      await recordForSearch(tx, listing)
    })
    return listing
  }

  async update(listingId: string, changes: ListingChanges): Promise<Listing> {
    return this.db.transaction(async (tx) => {
      const current = await tx.get<Listing>('listings', listingId)
      if (!current) throw new ListingNotFoundError(listingId)
      const next: Listing = { ...current, ...changes, version: current.version + 1, updatedAt: Date.now() }
      await tx.update('listings', listingId, next, { version: current.version })
      await recordForSearch(tx, next)
      return next
    })
  }
}
