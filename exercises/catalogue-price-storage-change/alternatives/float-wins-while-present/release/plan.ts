// The releases that take the catalogue from v1.14.0 (in production) to prices stored in cents,
// in the order the pipeline rolls them out. 1.15.0 writes both fields and reads the float when
// it is there; 1.16.0 writes only the cents and removes the float, so whatever float is left
// was written the v1 way, by whoever, and is still the price until it is turned into cents.
import { CatalogueService } from '../catalogue/catalogueService'
import { dropFloatPrices } from '../catalogue/migrations'
import type { Release } from './release'

export const releasePlan: Release[] = [
  { version: '1.15.0', createInstance: (deps) => new CatalogueService(deps, { writesFloat: true }) },
  { version: '1.16.0', createInstance: (deps) => new CatalogueService(deps, { writesFloat: false, sweepEveryMs: 30_000 }), afterRollout: dropFloatPrices },
]
