// Client interface of PriceHub, the pricing team's service (GET /v3/prices/{sku}?channel=app).
// PriceHub computes the price a channel shows: the ERP's list price, the running promotions,
// member discounts and the channel's rounding. That is why it is slow, and why nobody else
// may compute a price.

export type Price = {
  sku: string
  /** What the customer pays, VAT included, in cents. */
  amountCents: number
  currency: 'EUR'
  /**
   * The price's revision, from the ERP: it goes up by one with every change of this SKU's
   * price. The app sends it back with the cart, and the checkout compares it with the current
   * revision: a different one shows the customer "the price of this item has changed".
   */
  version: number
  /** The crossed-out price while a promotion runs. */
  wasCents?: number
}

export interface PriceHub {
  /**
   * Served from PriceHub's read replicas. From their documentation: "A price change is
   * visible on the replicas within 2 seconds of its price.changed event, usually much
   * sooner. Each client application may have 20 requests in flight; the gateway answers
   * the 21st at once with 503 Service Unavailable."
   */
  getPrice(sku: string): Promise<Price>
}

/** A 503 (PriceHub or its gateway shedding load), a 5xx, a timeout or a dropped connection. */
export class PriceHubUnavailableError extends Error {
  override name = 'PriceHubUnavailableError'
}

/** PriceHub does not know the SKU (a product removed from the assortment). */
export class UnknownSkuError extends Error {
  override name = 'UnknownSkuError'
}
