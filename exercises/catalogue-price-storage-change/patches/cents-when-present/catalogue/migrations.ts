// Batch jobs over the product documents, run by the deploy pipeline (see release/release.ts).
import type { JobContext } from '../release/release'
import { toMinor } from './product'

const BATCH = 100

/** Gives every document its cents, from the float; a document changed meanwhile is read again. */
export async function backfillCents({ store, log }: JobContext): Promise<void> {
  let after = ''
  let filled = 0
  for (;;) {
    const batch = await store.scan(after, BATCH)
    if (batch.length === 0) break
    for (let document of batch) {
      while (typeof document.price === 'number') {
        const done = await store.updateOne(document.sku, { set: { priceMinor: toMinor(document.price), currency: 'EUR' } }, { price: document.price, updatedAt: document.updatedAt })
        if (done) {
          filled++
          break
        }
        const fresh = await store.findOne(document.sku)
        if (!fresh) break
        document = fresh
      }
    }
    after = (batch.at(-1) as { sku: string }).sku
  }
  log(`backfilled ${filled} documents`)
}

/** Removes the float from every document. */
export async function dropFloatPrices({ store }: JobContext): Promise<void> {
  let after = ''
  for (;;) {
    const batch = await store.scan(after, BATCH)
    if (batch.length === 0) break
    for (const document of batch) if ('price' in document) await store.updateOne(document.sku, { unset: ['price'] })
    after = (batch.at(-1) as { sku: string }).sku
  }
}
