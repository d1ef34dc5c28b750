import type { ShippingContext } from './context'
import { SHIPPING_PROMOTIONS } from './promotions'
import type { ShippingPromotion } from './promotions'
import { baseRateCents } from './rates'
import type { ShippingMethod } from './rates'

export interface ShippingQuote {
  method: ShippingMethod
  regularCents: number
  priceCents: number
  promotionId: string | null
  promotionLabel: string | null
}

const METHODS: ShippingMethod[] = ['standard', 'express']

function offeredFor(promotion: ShippingPromotion, ctx: ShippingContext): boolean {
  if (!promotion.zones.includes(ctx.zone)) return false
  return promotion.freight || !ctx.hasBulkyItems
}

/**
 * Prices every method available for the context. When several promotions apply to a
 * method, the customer gets the cheapest one; promotions never raise the price.
 */
export function quoteShipping(ctx: ShippingContext, promotions: ShippingPromotion[] = SHIPPING_PROMOTIONS): ShippingQuote[] {
  const quotes: ShippingQuote[] = []
  for (const method of METHODS) {
    const regularCents = baseRateCents(ctx.zone, method, ctx.weightGrams, ctx.hasBulkyItems)
    if (regularCents === null) continue

    let best: ShippingQuote = { method, regularCents, priceCents: regularCents, promotionId: null, promotionLabel: null }
    for (const promotion of promotions) {
      if (promotion.method !== method || !offeredFor(promotion, ctx) || !promotion.applies(ctx)) continue
      const priceCents = Math.max(0, Math.min(regularCents, promotion.price(regularCents)))
      if (priceCents < best.priceCents) {
        best = { method, regularCents, priceCents, promotionId: promotion.id, promotionLabel: promotion.label }
      }
    }
    quotes.push(best)
  }
  return quotes
}
