// Batch jobs over the product documents, run by the deploy pipeline (see release/release.ts).
import type { JobContext } from '../release/release'
import { toMinor } from './product'

const BATCH = 100

/** Rewrites every document from the float euro price to cents and a currency. */
export async function convertPricesToMinorUnits({ store, log }: JobContext): Promise<void> {
  let after = ''
  let converted = 0
  for (;;) {
    const batch = await store.scan(after, BATCH)
    if (batch.length === 0) break
    for (const document of batch) {
      if (typeof document.price === 'number') {
        await store.updateOne(document.sku, { set: { priceMinor: toMinor(document.price), currency: 'EUR' }, unset: ['price'] })
        converted++
      }
    }
    after = (batch.at(-1) as { sku: string }).sku
  }
  log(`converted ${converted} documents to minor units`)
}
