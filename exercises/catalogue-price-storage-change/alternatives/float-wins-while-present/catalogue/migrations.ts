// Batch jobs over the product documents, run by the deploy pipeline (see release/release.ts).
import type { JobContext } from '../release/release'
import type { DocumentStore } from '../storage/documentStore'
import { toMinor } from './product'

const BATCH = 100

/** Turns every float into cents and removes it, unless the document was written meanwhile (then it reads it again). */
export async function contractAll(store: DocumentStore): Promise<number> {
  let after = ''
  let changed = 0
  for (;;) {
    const batch = await store.scan(after, BATCH)
    if (batch.length === 0) return changed
    for (let document of batch) {
      while (typeof document.price === 'number') {
        const where = { price: document.price, updatedAt: document.updatedAt }
        if (await store.updateOne(document.sku, { set: { priceMinor: toMinor(document.price), currency: 'EUR' }, unset: ['price'] }, where)) {
          changed++
          break
        }
        const fresh = await store.findOne(document.sku)
        if (!fresh) break
        document = fresh
      }
    }
    after = (batch.at(-1) as { sku: string }).sku
  }
}

export async function dropFloatPrices({ store, log }: JobContext): Promise<void> {
  log(`contract: ${await contractAll(store)} documents moved to cents`)
}
