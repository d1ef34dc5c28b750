import { findProduct } from './catalog'
import type { Product } from './catalog'

export interface CartLine {
  sku: string
  quantity: number
}

export interface Cart {
  lines: CartLine[]
  destination: { country: string; postcode: string }
  customer: { id: string; member: boolean }
  couponCode?: string
  shippingMethod?: 'standard' | 'express'
}

export interface PricedLine {
  product: Product
  quantity: number
  lineCents: number
}

interface Coupon {
  code: string
  /** Discount on the merchandise (gift cards excluded), given the eligible subtotal. */
  discount: (eligibleCents: number) => number
}

const COUPONS: Coupon[] = [
  { code: 'WELCOME10', discount: (eligible) => Math.round(eligible * 0.1) },
  { code: 'SPRING5', discount: (eligible) => (eligible >= 4000 ? 500 : 0) },
]

export function priceLines(cart: Cart): PricedLine[] {
  return cart.lines.map((line) => {
    if (!Number.isInteger(line.quantity) || line.quantity < 1) {
      throw new Error(`Invalid quantity ${line.quantity} for ${line.sku}`)
    }
    const product = findProduct(line.sku)
    return { product, quantity: line.quantity, lineCents: product.priceCents * line.quantity }
  })
}

/** Merchandise value that coupons and shipping thresholds are based on: everything except gift cards. */
export function eligibleMerchandiseCents(lines: PricedLine[]): number {
  return lines.filter((line) => line.product.category !== 'giftcard').reduce((sum, line) => sum + line.lineCents, 0)
}

export function couponDiscountCents(cart: Cart, lines: PricedLine[]): number {
  if (!cart.couponCode) return 0
  const coupon = COUPONS.find((c) => c.code === cart.couponCode!.trim().toUpperCase())
  if (!coupon) return 0
  const eligible = eligibleMerchandiseCents(lines)
  return Math.min(eligible, coupon.discount(eligible))
}

export function totalWeightGrams(lines: PricedLine[]): number {
  return lines.reduce((sum, line) => sum + line.product.weightGrams * line.quantity, 0)
}
