const TYPES = ['studio', 'flat', 'townhouse', 'house'];

/**
 * Turns one row of an agency feed into a listing. Agencies send every field as text;
 * the price is whole euros ("320000"), or "POA" when the price is on request, in which
 * case the listing simply has no `price`.
 *
 * @returns {{ ok: true, listing: object } | { ok: false, errors: string[] }}
 */
export function normalizeListing(row, agencyId) {
  const errors = [];
  const ref = String(row.ref ?? '').trim();
  if (!/^[A-Za-z0-9-]{1,24}$/.test(ref)) errors.push(`bad ref "${row.ref}"`);
  if (!TYPES.includes(row.type)) errors.push(`unknown type "${row.type}"`);
  const district = String(row.district ?? '').trim();
  if (district === '') errors.push('district missing');

  const bedrooms = Number(row.beds);
  if (!Number.isInteger(bedrooms) || bedrooms < 0 || bedrooms > 20) errors.push(`bad beds "${row.beds}"`);
  const areaM2 = Number(row.area_m2);
  if (!Number.isFinite(areaM2) || areaM2 < 10 || areaM2 > 5_000) errors.push(`bad area "${row.area_m2}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.listed ?? '')) errors.push(`bad listing date "${row.listed}"`);

  let price;
  if (row.price !== 'POA') {
    price = Number(row.price);
    if (!Number.isSafeInteger(price) || price < 1_000) errors.push(`bad price "${row.price}"`);
  }

  if (errors.length > 0) return { ok: false, errors };
  const listing = {
    id: `${agencyId}:${ref}`,
    agencyId,
    title: String(row.title ?? '').trim() || `${row.type} in ${district}`,
    type: row.type,
    district,
    bedrooms,
    areaM2,
    listedOn: row.listed,
  };
  if (price !== undefined) listing.price = price;
  return { ok: true, listing };
}
