/**
 * @typedef {{ district?: string, type?: string, minBedrooms?: number, maxPrice?: number }} Filters
 */

export function parseFilters(query) {
  const filters = {};
  if (query.district) filters.district = query.district;
  if (query.type) filters.type = query.type;
  if (query.minBedrooms !== undefined) {
    const value = Number(query.minBedrooms);
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`minBedrooms must be a whole number, got "${query.minBedrooms}"`);
    filters.minBedrooms = value;
  }
  if (query.maxPrice !== undefined) {
    const value = Number(query.maxPrice);
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`maxPrice must be a positive number, got "${query.maxPrice}"`);
    filters.maxPrice = value;
  }
  return filters;
}

/** A listing with its price on request never matches a price limit: we cannot tell. */
export function matchesFilters(listing, filters) {
  if (filters.district !== undefined && listing.district !== filters.district) return false;
  if (filters.type !== undefined && listing.type !== filters.type) return false;
  if (filters.minBedrooms !== undefined && listing.bedrooms < filters.minBedrooms) return false;
  if (filters.maxPrice !== undefined && !(listing.price <= filters.maxPrice)) return false;
  return true;
}
