// The releases that take the catalogue from v1.14.0 (in production) to prices stored in cents,
// in the order the pipeline rolls them out.
//
// Expand, then contract. 1.15.0 reads either field, whichever is current in that document, and
// writes both, so v1.14.0 (which reads and writes only the float) and 1.15.0 can serve side by
// side; once no v1 instance is left, its job gives every document its cents. 1.16.0 writes only
// the cents and removes the float, which 1.15.0 (still serving during the rollout) reads
// correctly; once it is everywhere, its job removes the float from every document, and each
// instance keeps bringing documents written the v1 way by anyone else to the new shape.
import { CatalogueService } from '../catalogue/catalogueService'
import { backfillCents, dropFloatPrices } from '../catalogue/migrations'
import type { Release } from './release'

export const releasePlan: Release[] = [
  {
    version: '1.15.0',
    createInstance: (deps) => new CatalogueService(deps, { writes: 'both' }),
    afterRollout: backfillCents,
  },
  {
    version: '1.16.0',
    createInstance: (deps) => new CatalogueService(deps, { writes: 'cents', reconcileEveryMs: 30_000 }),
    afterRollout: dropFloatPrices,
  },
]
