// GET /v1/prices/{sku}: the mobile app asks for the price of every product it shows (home
// screen, listings, product pages, the cart). The app waits 2 s for an answer; after that it
// shows "price unavailable" and the product cannot be added to the cart.
import { type Price, PriceHubUnavailableError, UnknownSkuError } from '../pricing/priceHub'

/** Where the endpoint gets prices from: the price cache, or anything with the same method. */
export interface PriceSource {
  getPrice(sku: string): Promise<Price>
}

export type PriceRequest = { sku: string }

export type PriceBody = {
  sku: string
  amountCents: number
  currency: string
  display: string
  wasDisplay?: string
  /** Sent back with the cart, so the checkout can tell whether the price changed since. */
  priceVersion: number
}

export type PriceResponse = { status: 200; body: PriceBody } | { status: 404 | 503; body: { error: string } }

const euros = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' })

export async function handlePriceRequest(prices: PriceSource, request: PriceRequest): Promise<PriceResponse> {
  const sku = request.sku.trim().toUpperCase()
  let price: Price
  try {
    price = await prices.getPrice(sku)
  } catch (error) {
    if (error instanceof UnknownSkuError) return { status: 404, body: { error: `no price for ${sku}` } }
    if (error instanceof PriceHubUnavailableError) return { status: 503, body: { error: 'price unavailable, try again' } }
    throw error
  }
  return {
    status: 200,
    body: {
      sku: price.sku,
      amountCents: price.amountCents,
      currency: price.currency,
      display: euros.format(price.amountCents / 100),
      ...(price.wasCents === undefined ? {} : { wasDisplay: euros.format(price.wasCents / 100) }),
      priceVersion: price.version,
    },
  }
}
