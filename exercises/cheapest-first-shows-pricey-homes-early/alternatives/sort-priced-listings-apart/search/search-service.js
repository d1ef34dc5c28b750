import { toCard } from '../format';
import { matchesFilters, parseFilters } from './filters';
import { comparatorFor } from './sorting';

export const PAGE_SIZE = 12;

const hasPrice = (listing) => listing.price !== undefined;

/**
 * GET /search: the listings matching the filters, in the order picked in "Sort by",
 * one page at a time, every page continuing the order of the previous one.
 *
 * - newest: most recently listed first.
 * - price-asc / price-desc: cheapest (or dearest) first; equal prices newest first.
 *   Price-on-request listings come after all priced ones, newest first.
 * - largest: biggest floor area first; equal areas newest first.
 */
export function createSearch(store, log = () => {}) {
  return function search(query = {}) {
    const sort = query.sort ?? 'newest';
    const page = query.page === undefined ? 1 : Number(query.page);
    if (!Number.isInteger(page) || page < 1) return { status: 400, error: `page must be a positive whole number, got "${query.page}"` };

    let filters;
    let comparator;
    try {
      filters = parseFilters(query);
      comparator = comparatorFor(sort);
    } catch (error) {
      if (error instanceof RangeError) return { status: 400, error: error.message };
      throw error;
    }

    const matches = store.all().filter((listing) => matchesFilters(listing, filters));
    // The price comparators only make sense between priced listings, so those are sorted
    // on their own; listings with the price on request follow, newest first.
    const ordered = sort.startsWith('price')
      ? [...matches.filter(hasPrice).sort(comparator), ...matches.filter((listing) => !hasPrice(listing)).sort(comparatorFor('newest'))]
      : matches.sort(comparator);

    const pages = Math.max(1, Math.ceil(ordered.length / PAGE_SIZE));
    const results = ordered.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(toCard);
    log(`search sort=${sort} filters=${JSON.stringify(filters)} matches=${ordered.length} page=${page}/${pages}`);
    return { status: 200, total: ordered.length, page, pages, results };
  };
}
