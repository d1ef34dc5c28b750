// Batch jobs over the product documents, run by the deploy pipeline (see release/release.ts).
import type { JobContext } from '../release/release'
import type { DocumentStore } from '../storage/documentStore'
import { reconcile } from './prices'

const BATCH = 100

/**
 * Brings every document's cents up to date with its current price; with dropFloat, removes the
 * float too. A document written meanwhile is read again and tried again. Returns how many it changed.
 */
export async function reconcileAll(store: DocumentStore, dropFloat: boolean): Promise<number> {
  let after = ''
  let changed = 0
  for (;;) {
    const batch = await store.scan(after, BATCH)
    if (batch.length === 0) return changed
    for (let document of batch) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const before = { ...document }
        if (await reconcile(store, document, dropFloat)) {
          if (before.centsWrittenAt !== before.updatedAt || (dropFloat && 'price' in before)) changed++
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

/** After 1.15.0 is everywhere (no v1 writer of ours is left): cents for every document, the float kept for readers of 1.15.0. */
export async function backfillCents({ store, log }: JobContext): Promise<void> {
  log(`backfill: ${await reconcileAll(store, false)} documents given their cents`)
}

/** After 1.16.0 is everywhere (no reader of the float of ours is left): the float goes. */
export async function dropFloatPrices({ store, log }: JobContext): Promise<void> {
  log(`contract: ${await reconcileAll(store, true)} documents without their float price`)
}
