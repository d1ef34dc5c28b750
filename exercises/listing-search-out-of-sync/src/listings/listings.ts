// Listings: what a seller offers, at what price, and whether it is still for sale.

export type ListingStatus = 'available' | 'reserved' | 'sold'

export type Listing = {
  id: string
  sellerId: string
  title: string
  category: string
  priceCents: number
  status: ListingStatus
  /** Goes up by one with every change of the listing. */
  version: number
  updatedAt: number
}

export type ListingDraft = { title: string; category: string; priceCents: number }

export type ListingChanges = { title?: string; priceCents?: number; status?: ListingStatus }

export class ListingNotFoundError extends Error {
  override name = 'ListingNotFoundError'
}

/** What is wrong with a draft or a change, or undefined. */
export function problemWith(changes: ListingChanges & Partial<ListingDraft>, current?: Listing): string | undefined {
  if (changes.title !== undefined && changes.title.trim().length < 3) return 'a title needs at least 3 characters'
  if (changes.priceCents !== undefined && (!Number.isInteger(changes.priceCents) || changes.priceCents < 100)) return 'the price must be at least 1 €'
  if (current?.status === 'sold' && changes.status !== undefined && changes.status !== 'sold') return 'a sold listing cannot be put back on sale'
  return undefined
}
