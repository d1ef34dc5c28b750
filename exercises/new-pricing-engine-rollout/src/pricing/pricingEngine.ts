// The pricing team's engines. Both price a basket: the items, the running promotions, coupons and
// the delivery fee. `legacy` has priced every basket since 2019; `quoter` is its replacement.

export type BasketLine = { sku: string; quantity: number; unitCents: number }

export type Basket = { lines: BasketLine[]; postcode: string; coupon?: string }

export type EngineName = 'legacy' | 'quoter'

export type PricedBasket = { engine: EngineName; totalCents: number; discountCents: number; deliveryCents: number }

export interface PricingEngine {
  readonly name: EngineName
  price(basket: Basket): Promise<PricedBasket>
}

/** The engine did not answer (a 5xx, a timeout). Nothing to retry at our end: the customer retries. */
export class PricingUnavailableError extends Error {
  override name = 'PricingUnavailableError'
}
