const euros = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export function formatPrice(listing) {
  return listing.price === undefined ? 'Price on request' : euros.format(listing.price);
}

export function toCard(listing) {
  const rooms = listing.bedrooms === 0 ? 'studio' : `${listing.bedrooms} bd`;
  return {
    id: listing.id,
    title: listing.title,
    price: formatPrice(listing),
    facts: `${rooms} · ${listing.areaM2} m² · ${listing.district}`,
    listedOn: listing.listedOn,
  };
}
