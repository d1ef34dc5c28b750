// Client interface of Scout, the search team's index of listings (an OpenSearch cluster behind
// their API). The app's search box, the category pages and the "similar items" rail read from
// it; nothing in the marketplace reads listings from the database for a search.
import type { ListingDocument } from './listingDocument'

export interface Scout {
  /**
   * PUT /indexes/listings/docs/{id}. From Scout's API guide: "Pass `version` (external
   * versioning) and we store the document only if the index holds this id at a lower version,
   * or not at all; otherwise we answer 409 Conflict and change nothing. Without `version`, the
   * document replaces whatever the index holds, and the index forgets its version."
   */
  put(document: ListingDocument, options?: { version?: number }): Promise<void>
}

/** A 5xx, a timeout or a dropped connection. The put may or may not have been applied. */
export class ScoutUnavailableError extends Error {
  override name = 'ScoutUnavailableError'
}

/** 409: the index already holds this document at the same or a higher version. Nothing changed. */
export class VersionConflictError extends Error {
  override name = 'VersionConflictError'
}
