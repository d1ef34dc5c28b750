// Cache key builders for the catalogue. Keys are namespaced by kind
// (product, category) so entries of different kinds never collide.

// SKUs are case-insensitive, so one product must map to one cache key
// however the caller spelled its SKU.
const canonicalSku = (sku: string) => sku.trim().toUpperCase()

export const cacheKeys = {
  product: (sku: string) => `catalog:product:${canonicalSku(sku)}`,
  category: (category: string) => `catalog:category:${category}`,
}
