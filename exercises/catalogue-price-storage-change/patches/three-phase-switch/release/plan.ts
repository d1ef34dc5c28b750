// The releases that take the catalogue from v1.14.0 (in production) to prices stored in cents,
// in the order the pipeline rolls them out: expand, switch the reads, contract.
import { CatalogueService } from '../catalogue/catalogueService'
import { backfillCents, dropFloatPrices } from '../catalogue/migrations'
import type { Release } from './release'

export const releasePlan: Release[] = [
  { version: '1.15.0', createInstance: (deps) => new CatalogueService(deps, { reads: 'float', writes: 'both' }), afterRollout: backfillCents },
  { version: '1.16.0', createInstance: (deps) => new CatalogueService(deps, { reads: 'cents', writes: 'both' }) },
  { version: '1.17.0', createInstance: (deps) => new CatalogueService(deps, { reads: 'cents', writes: 'cents' }), afterRollout: dropFloatPrices },
]
