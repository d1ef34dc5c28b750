// The releases that take the catalogue from v1.14.0 (in production) to prices stored in cents,
// in the order the pipeline rolls them out.
import { CatalogueService } from '../catalogue/catalogueService'
import { convertPricesToMinorUnits } from '../catalogue/migrations'
import type { Release } from './release'

export const releasePlan: Release[] = [
  {
    version: '1.15.0',
    // Convert the data first, so that every instance of 1.15.0 finds documents it can read.
    beforeRollout: convertPricesToMinorUnits,
    createInstance: (deps) => new CatalogueService(deps),
  },
]
