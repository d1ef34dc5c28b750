import type { Cart, PricedLine } from '../cart'
import { couponDiscountCents, eligibleMerchandiseCents, totalWeightGrams } from '../cart'
import { zoneFor } from './rates'
import type { Zone } from './rates'

/** Everything the shipping promotions are allowed to look at. */
export interface ShippingContext {
  zone: Zone
  international: boolean
  /** Merchandise after coupons, gift cards excluded. */
  merchandiseCents: number
  weightGrams: number
  hasBulkyItems: boolean
  member: boolean
}

export function shippingContext(cart: Cart, lines: PricedLine[]): ShippingContext {
  const zone = zoneFor(cart.destination.country)
  const merchandiseCents = eligibleMerchandiseCents(lines) - couponDiscountCents(cart, lines)
  return {
    zone,
    international: zone !== 'domestic',
    merchandiseCents,
    weightGrams: totalWeightGrams(lines),
    hasBulkyItems: lines.some((line) => line.product.bulky),
    member: cart.customer.member,
  }
}
