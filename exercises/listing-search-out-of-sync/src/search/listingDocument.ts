// The document Scout indexes for a listing: the search team's mapping. Keep it as it is: their
// ranking and the buyers' filters depend on these fields.
import type { Listing } from '../listings/listings'

export type ListingDocument = {
  id: string
  title: string
  category: string
  priceCents: number
  /** Buyers' searches show available and reserved listings; sold ones drop out of the results. */
  status: Listing['status']
  sellerId: string
  /** The listing's version when the document was built. */
  listingVersion: number
}

export function toDocument(listing: Listing): ListingDocument {
  return {
    id: listing.id,
    title: listing.title,
    category: listing.category,
    priceCents: listing.priceCents,
    status: listing.status,
    sellerId: listing.sellerId,
    listingVersion: listing.version,
  }
}
