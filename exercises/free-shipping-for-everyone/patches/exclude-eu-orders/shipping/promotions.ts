import type { ShippingContext } from './context'
import type { ShippingMethod } from './rates'

export interface ShippingPromotion {
  id: string
  label: string
  method: ShippingMethod
  applies: (ctx: ShippingContext) => boolean
  /** Promotional price for this method, given the regular rate. */
  price: (baseCents: number) => number
}

export const FREE_STANDARD_THRESHOLD_CENTS = 6000
export const EU_FLAT_THRESHOLD_CENTS = 10000
export const EU_FLAT_RATE_CENTS = 690

export const SHIPPING_PROMOTIONS: ShippingPromotion[] = [
  {
    id: 'free-standard-60',
    label: 'Free standard shipping from €60',
    method: 'standard',
    applies: (ctx) =>
      ctx.merchandiseCents >= FREE_STANDARD_THRESHOLD_CENTS && ctx.zone !== 'eu' && !ctx.hasBulkyItems,
    price: () => 0,
  },
  {
    id: 'eu-flat-standard',
    label: 'EU standard shipping €6.90 from €100',
    method: 'standard',
    applies: (ctx) => ctx.zone === 'eu' && ctx.merchandiseCents >= EU_FLAT_THRESHOLD_CENTS && !ctx.hasBulkyItems,
    price: (base) => Math.min(base, EU_FLAT_RATE_CENTS),
  },
  {
    id: 'member-express-half',
    label: 'Members: express at half price',
    method: 'express',
    applies: (ctx) => ctx.member && !ctx.international && !ctx.hasBulkyItems,
    price: (base) => Math.round(base / 2),
  },
]
