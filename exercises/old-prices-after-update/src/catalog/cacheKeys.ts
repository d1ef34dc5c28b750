// Cache key builders for the catalogue. Keys are namespaced by kind
// (product, category) so entries of different kinds never collide.

export const cacheKeys = {
  product: (ref: string) => `catalog:product:${ref}`,
  category: (category: string) => `catalog:category:${category}`,
}
