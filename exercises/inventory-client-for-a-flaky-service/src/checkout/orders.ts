// What the storefront and the mobile app send to POST /checkout, and what checkout answers.
import type { FulfilmentCentre } from '../warehouse/stockroom'

export type CartLine = { sku: string; quantity: number; priceCents: number }

export type CheckoutRequest = {
  /**
   * Created by the storefront (or the app) when the customer opens the checkout page, and
   * used as the order id: the same checkout sent twice is the same order.
   */
  checkoutId: string
  customerId: string
  /** German postcode of the shipping address: it decides the centre that ships the order. */
  postcode: string
  lines: CartLine[]
}

export type CheckoutResponse =
  | { status: 201; body: { orderId: string; reservationId: string; fulfilmentCentre: FulfilmentCentre } }
  | { status: 400; body: { error: string } }
  | { status: 409; body: { error: string; outOfStock: string[] } }
  | { status: 503; body: { error: string } }

// Postcode regions by their first digit, split between the centres by delivery time.
const CENTRE_BY_REGION: Record<string, FulfilmentCentre> = {
  '0': 'fc-leipzig',
  '1': 'fc-leipzig',
  '9': 'fc-leipzig',
  '2': 'fc-hamburg',
  '3': 'fc-hamburg',
  '4': 'fc-ruhr',
  '5': 'fc-ruhr',
  '6': 'fc-ruhr',
  '7': 'fc-munich',
  '8': 'fc-munich',
}

export function fulfilmentCentreFor(postcode: string): FulfilmentCentre | undefined {
  if (!/^\d{5}$/.test(postcode)) return undefined
  return CENTRE_BY_REGION[postcode.charAt(0)]
}

export function validateCheckout(request: CheckoutRequest): string | null {
  if (!request.checkoutId) return 'checkoutId is required'
  if (fulfilmentCentreFor(request.postcode) === undefined) return `${request.postcode} is not a German postcode`
  if (request.lines.length === 0) return 'the cart is empty'
  for (const line of request.lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 20) return `${line.sku}: quantity must be 1 to 20`
  }
  return null
}
