import { normalizeListing } from './normalize';

/** In-memory stand-in for the listings table, filled from the agencies' nightly feeds. */
export class ListingStore {
  #listings = new Map();

  /** Replaces everything an agency had with the rows of its latest feed. */
  importFeed(agencyId, rows) {
    const rejected = [];
    const fresh = [];
    for (const row of rows) {
      const result = normalizeListing(row, agencyId);
      if (result.ok) fresh.push(result.listing);
      else rejected.push({ ref: row.ref, errors: result.errors });
    }
    for (const [id, listing] of this.#listings) {
      if (listing.agencyId === agencyId) this.#listings.delete(id);
    }
    for (const listing of fresh) this.#listings.set(listing.id, listing);
    return { imported: fresh.length, rejected };
  }

  all() {
    return [...this.#listings.values()];
  }

  get(id) {
    return this.#listings.get(id);
  }
}
