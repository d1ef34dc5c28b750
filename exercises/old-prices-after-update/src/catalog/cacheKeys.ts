// Cache key builders for the catalogue. Keep every key in one place so the
// read path and the write path agree on naming.

export const cacheKeys = {
  product: (ref: string) => `catalog:product:${ref}`,
  category: (category: string) => `catalog:category:${category}`,
}
