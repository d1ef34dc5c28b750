// Cache key builders for the catalogue. Keep every key in one place so the
// read path and the write path agree on naming.

// SKUs are case-insensitive, so one product must map to one cache key
// however the caller spelled its SKU.
const canonicalSku = (sku: string) => sku.trim().toUpperCase()

export const cacheKeys = {
  product: (sku: string) => `catalog:product:${canonicalSku(sku)}`,
  category: (category: string) => `catalog:category:${category}`,
}
