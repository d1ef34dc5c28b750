// One node of storefront-bff, the mobile app's backend: its price cache, the subscription
// that keeps it current, and the price endpoint. The load balancer spreads app requests over
// the nodes round-robin.
import type { PriceFeed } from './pricing/priceEvents'
import type { PriceHub } from './pricing/priceHub'
import { PriceCache, type PriceCacheStats } from './prices/priceCache'
import { type PriceRequest, type PriceResponse, handlePriceRequest } from './prices/priceEndpoint'

export type PricesNodeDeps = {
  priceHub: PriceHub
  feed: PriceFeed
  /** This node's name, unique among the service's nodes ('bff-1'). */
  node: string
  log?: (line: string) => void
}

export type PricesNode = {
  node: string
  handle(request: PriceRequest): Promise<PriceResponse>
  /** What the node reports to the ops dashboard. */
  stats(): PriceCacheStats
}

export function startPricesNode(deps: PricesNodeDeps): PricesNode {
  const cache = new PriceCache({ priceHub: deps.priceHub, node: deps.node, log: deps.log })
  // Every node's cache must hear every change, so each node consumes under a group of its own.
  deps.feed.subscribe(`storefront-bff.prices.${deps.node}`, (event) => cache.onPriceChanged(event))
  return {
    node: deps.node,
    handle: (request) => handlePriceRequest(cache, request),
    stats: () => cache.stats(),
  }
}
