// One checkout pod: its flags, its quote service and what the platform asks of every pod. The
// load balancer sends each request to any pod that is ready; pods share nothing in memory.
import { QuoteService, type QuoteRequest, type QuoteResponse } from './checkout/quoteService'
import { FeatureFlags } from './flags/featureFlags'
import type { Flagpole } from './flags/flagpole'
import type { PricingEngine } from './pricing/pricingEngine'

export type CheckoutPodDeps = {
  flagpole: Flagpole
  engines: { legacy: PricingEngine; quoter: PricingEngine }
  /** This pod's name, unique in the fleet ('checkout-3'). */
  node: string
  log?: (line: string) => void
}

export type CheckoutPod = {
  node: string
  /** The readiness probe: the load balancer sends the pod traffic once this has resolved. */
  ready: Promise<void>
  handle(request: QuoteRequest): Promise<QuoteResponse>
  /** The pod leaves the load balancer and shuts down (a deploy, a scale-in). */
  stop(): void
}

export function startCheckoutPod(deps: CheckoutPodDeps): CheckoutPod {
  const flags = new FeatureFlags({ flagpole: deps.flagpole, node: deps.node, log: deps.log })
  const quotes = new QuoteService({ flags, engines: deps.engines, node: deps.node, log: deps.log })
  return {
    node: deps.node,
    // Flags load in the background; the pod takes traffic at once, with the defaults until then.
    ready: (void flags.start(), Promise.resolve()),
    handle: (request) => quotes.quote(request),
    stop: () => flags.stop(),
  }
}
