import { couponDiscountCents, priceLines } from '../cart'
import type { Cart } from '../cart'
import { shippingContext } from '../shipping/context'
import { quoteShipping } from '../shipping/engine'
import type { ShippingQuote } from '../shipping/engine'

export interface CheckoutSummary {
  lines: { sku: string; name: string; quantity: number; lineCents: number }[]
  subtotalCents: number
  discountCents: number
  shipping: ShippingQuote
  availableShipping: ShippingQuote[]
  totalCents: number
  text: string
}

export function formatEuros(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}€${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

function shippingLine(quote: ShippingQuote): string {
  const name = quote.method === 'express' ? 'Express shipping' : 'Standard shipping'
  if (quote.priceCents === 0) return `${name}: Free (${quote.promotionLabel})`
  if (quote.promotionId) return `${name}: ${formatEuros(quote.priceCents)} (${quote.promotionLabel}, was ${formatEuros(quote.regularCents)})`
  return `${name}: ${formatEuros(quote.priceCents)}`
}

/** The order summary shown on the last checkout step and in the confirmation e-mail. */
export function buildCheckoutSummary(cart: Cart): CheckoutSummary {
  const priced = priceLines(cart)
  const subtotalCents = priced.reduce((sum, line) => sum + line.lineCents, 0)
  const discountCents = couponDiscountCents(cart, priced)

  const availableShipping = quoteShipping(shippingContext(cart, priced))
  if (availableShipping.length === 0) {
    throw new Error(`No shipping available to ${cart.destination.country} for this cart`)
  }
  const wanted = cart.shippingMethod ?? 'standard'
  let shipping = availableShipping.find((quote) => quote.method === wanted)
  if (!shipping) throw new Error(`${wanted} shipping is not available for this cart`)
  // Free shipping is for parcels within Germany only (see the "Shipping & delivery" page).
  const freight = priced.some((line) => line.product.bulky)
  const abroad = cart.destination.country.trim().toUpperCase() !== 'DE'
  if (shipping.promotionId === 'free-standard-60' && (freight || abroad)) {
    shipping = { ...shipping, priceCents: shipping.regularCents, promotionId: null, promotionLabel: null }
  }

  const totalCents = subtotalCents - discountCents + shipping.priceCents
  const lines = priced.map((line) => ({
    sku: line.product.sku,
    name: line.product.name,
    quantity: line.quantity,
    lineCents: line.lineCents,
  }))

  const text = [
    ...lines.map((line) => `${line.quantity} x ${line.name}  ${formatEuros(line.lineCents)}`),
    `Subtotal: ${formatEuros(subtotalCents)}`,
    ...(discountCents > 0 ? [`Coupon ${cart.couponCode!.trim().toUpperCase()}: -${formatEuros(discountCents)}`] : []),
    shippingLine(shipping),
    `Total: ${formatEuros(totalCents)}`,
  ].join('\n')

  return { lines, subtotalCents, discountCents, shipping, availableShipping, totalCents, text }
}
