// Which of a document's two prices is the current one, decided per document.
//
// During the change a document can hold the float `price` (v1's field), `priceMinor` and
// `currency` (the new ones), or both, and writers of both kinds are about: instances of older
// releases, and anything else that writes prices the way v1 does. Every writer that knows the
// new fields stamps them with the write's updatedAt (`centsWrittenAt`); a v1-style writer
// changes `price` and `updatedAt` and leaves the stamp behind. So the cents are current
// exactly when their stamp equals updatedAt; otherwise the float is, whoever wrote it.
import type { DocumentStore, ProductDocumentFields } from '../storage/documentStore'
import { toMinor } from './product'

export function centsAreCurrent(document: ProductDocumentFields): boolean {
  return typeof document.priceMinor === 'number' && document.centsWrittenAt === document.updatedAt
}

/** The document's current price in cents, or undefined if it has none. */
export function currentPriceMinor(document: ProductDocumentFields): number | undefined {
  if (centsAreCurrent(document)) return document.priceMinor as number
  if (typeof document.price === 'number') return toMinor(document.price)
  return typeof document.priceMinor === 'number' ? document.priceMinor : undefined
}

/**
 * Brings one document's cents up to date with its current price (and, with dropFloat, removes
 * the float), unless someone wrote it since it was read. True when the document needs nothing more.
 */
export async function reconcile(store: DocumentStore, document: ProductDocumentFields, dropFloat: boolean): Promise<boolean> {
  const hasFloat = 'price' in document
  if (centsAreCurrent(document) && (!dropFloat || !hasFloat)) return true
  const priceMinor = currentPriceMinor(document)
  if (priceMinor === undefined) return true
  const change = { set: { priceMinor, currency: 'EUR', centsWrittenAt: document.updatedAt }, unset: dropFloat ? ['price'] : [] }
  // Only if nobody wrote it meanwhile: a writer always changes updatedAt, and a v1 writer the float.
  return store.updateOne(document.sku, change, { updatedAt: document.updatedAt, price: document.price })
}
