// One pod of the marketplace API. Three pods sit behind the load balancer, which sends each
// request to any of them; they share the database and nothing in memory. A pod can be stopped
// for a deploy or killed without warning (an out-of-memory kill, a node that fails).
import { ListingService } from './listings/listingService'
import { ConflictError, type Database } from './storage/database'
import type { Scout } from './search/scout'
import { type ListingChanges, type ListingDraft, ListingNotFoundError, problemWith } from './listings/listings'

export type PodDeps = { db: Database; scout: Scout; node: string; log?: (line: string) => void }

export type ApiRequest =
  | { method: 'POST'; path: '/listings'; sellerId: string; body: ListingDraft }
  | { method: 'PATCH'; path: `/listings/${string}`; sellerId: string; body: ListingChanges }

export type ApiResponse = { status: number; body?: unknown }

export type Pod = { node: string; handle(request: ApiRequest): Promise<ApiResponse>; stop(): void }

export function startPod(deps: PodDeps): Pod {
  const listings = new ListingService({ db: deps.db, scout: deps.scout, node: deps.node, log: deps.log })
  return {
    node: deps.node,
    async handle(request) {
      const problem = problemWith(request.body)
      if (problem) return { status: 422, body: { error: problem } }
      try {
        if (request.method === 'POST') return { status: 201, body: await listings.create(request.sellerId, request.body) }
        return { status: 200, body: await listings.update(request.path.slice('/listings/'.length), request.body) }
      } catch (error) {
        if (error instanceof ListingNotFoundError) return { status: 404, body: { error: 'no such listing' } }
        if (error instanceof ConflictError) return { status: 409, body: { error: 'the listing changed meanwhile, try again' } }
        throw error
      }
    },
    stop() {},
  }
}
