import { type FeatureFlags, NEW_PRICING_ENGINE } from '../flags/featureFlags'
import { type Basket, type EngineName, type PricingEngine, PricingUnavailableError } from '../pricing/pricingEngine'

// POST /v1/quotes: the app asks for a quote when the customer opens the basket and again at the
// checkout, before it takes the payment. The customer pays the checkout's quote.
export type QuoteRequest = {
  customerId: string
  /** One visit: the basket and the checkout that follows it. */
  visitId: string
  step: 'basket' | 'checkout'
  basket: Basket
}

export type QuoteBody = { quoteId: string; engine: EngineName; totalCents: number; discountCents: number; deliveryCents: number }

export type QuoteResponse = { status: 200; body: QuoteBody } | { status: 503; body: { error: string } }

export type QuoteServiceDeps = {
  flags: FeatureFlags
  engines: { legacy: PricingEngine; quoter: PricingEngine }
  node?: string
  log?: (line: string) => void
}

export class QuoteService {
  private readonly flags: FeatureFlags
  private readonly engines: QuoteServiceDeps['engines']
  private readonly node: string
  private readonly log: (line: string) => void
  private quotes = 0

  constructor(deps: QuoteServiceDeps) {
    this.flags = deps.flags
    this.engines = deps.engines
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async quote(request: QuoteRequest): Promise<QuoteResponse> {
    const useQuoter = await this.flags.isEnabled(NEW_PRICING_ENGINE, request.customerId)
    const engine = useQuoter ? this.engines.quoter : this.engines.legacy
    try {
      const priced = await engine.price(request.basket)
      const quoteId = `${this.node}-q${++this.quotes}`
      return { status: 200, body: { quoteId, ...priced, engine: engine.name } }
    } catch (error) {
      if (!(error instanceof PricingUnavailableError)) throw error
      this.log(`${this.node} ${request.visitId} ${engine.name} unavailable: ${error.message}`)
      return { status: 503, body: { error: 'pricing unavailable, try again' } }
    }
  }
}
