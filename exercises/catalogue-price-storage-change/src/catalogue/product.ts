// Products, as the API shows them and as the document store holds them.

/**
 * GET /products/:sku. The web team owns this shape; the storefront, the apps and checkout read
 * it, and it has spoken cents since 2022. It does not change.
 */
export type ProductView = { sku: string; name: string; priceMinor: number; currency: 'EUR' }

export type NewProduct = { sku: string; name: string; priceMinor: number }

/** A product document as v1.14.0 (in production today) writes it: the price in euros, as a float. */
export type ProductDocumentV1 = { sku: string; name: string; price: number; createdAt: number; updatedAt: number }

/** What finance wants every product document to look like once the change is done. */
export type ProductDocument = { sku: string; name: string; priceMinor: number; currency: 'EUR'; createdAt: number; updatedAt: number }

/** Euros (a float, as v1 stores them) to cents. */
export function toMinor(euros: number): number {
  return Math.round(euros * 100)
}

/** Cents to euros, as v1 stores them. */
export function toEuros(priceMinor: number): number {
  return priceMinor / 100
}
