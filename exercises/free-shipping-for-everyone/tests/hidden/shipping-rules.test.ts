import { describe, it, expect } from 'vitest'
import { buildCheckoutSummary } from '../../src/checkout/summary'
import type { Cart } from '../../src/cart'

function cart(country: string, lines: [string, number][], extra: Partial<Cart> = {}): Cart {
  return {
    lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
    destination: { country, postcode: '00000' },
    customer: { id: 'c-2002', member: false },
    ...extra,
  }
}

const member = { customer: { id: 'c-3003', member: true } }

function standard(c: Cart) {
  return buildCheckoutSummary(c).shipping
}

describe('free standard shipping from €60 (domestic, no freight)', () => {
  // Stated in README.md: "Orders to Germany with at least €60 of merchandise (after coupons, gift cards don't count). Not for freight items."
  it('applies at exactly €60 of merchandise after the coupon', () => {
    const summary = buildCheckoutSummary(cart('DE', [['STOOL-ASH', 1]], { couponCode: 'SPRING5' }))
    expect(summary.shipping.priceCents).toBe(0)
    expect(summary.totalCents).toBe(6000)
  })

  // Stated in README.md: "Orders to Germany with at least €60 of merchandise (after coupons, gift cards don't count). Not for freight items."
  it('does not apply when the coupon takes the merchandise below €60', () => {
    const summary = buildCheckoutSummary(cart('DE', [['STOOL-ASH', 1]], { couponCode: 'welcome10' }))
    expect(summary.shipping.priceCents).toBe(695)
    expect(summary.totalCents).toBe(6500 - 650 + 695)
  })

  // Stated in README.md: "Orders to Germany with at least €60 of merchandise (after coupons, gift cards don't count). Not for freight items."
  it('does not count gift cards towards the threshold', () => {
    const summary = buildCheckoutSummary(cart('DE', [['MUG-STONE', 1], ['GIFT-50', 1]]))
    expect(summary.shipping.priceCents).toBe(495)
    expect(summary.totalCents).toBe(1450 + 5000 + 495)
  })

  // Stated in README.md: "Orders to Germany with at least €60 of merchandise (after coupons, gift cards don't count). Not for freight items."
  it('applies to a domestic parcel order well above the threshold', () => {
    expect(standard(cart('DE', [['PAN-CAST28', 1], ['LAMP-DESK', 1]])).priceCents).toBe(0)
  })

  // Stated in README.md: "Orders to Germany with at least €60 of merchandise (after coupons, gift cards don't count). Not for freight items."
  // Stated in README.md: "Freight items (furniture, floor lamps) always pay the parcel rate plus a freight surcharge (€29 in Germany, €49 in the EU)"
  it('does not apply to a domestic freight order', () => {
    const quote = standard(cart('DE', [['LAMP-ARC', 1]]))
    expect(quote.priceCents).toBe(1190 + 2900)
    expect(quote.promotionId).toBeNull()
  })

  // Stated in README.md: "Orders to Germany with at least €60 of merchandise (after coupons, gift cards don't count). Not for freight items."
  // Stated in README.md: "Freight items (furniture, floor lamps) always pay the parcel rate plus a freight surcharge (€29 in Germany, €49 in the EU)"
  it('does not apply when one bulky item is mixed with parcel items', () => {
    const summary = buildCheckoutSummary(cart('DE', [['SHELF-OAK', 1], ['THROW-WOOL', 1], ['MUG-STONE', 4]]))
    expect(summary.shipping.priceCents).toBe(1190 + 2900)
    expect(summary.totalCents).toBe(14900 + 8900 + 5800 + 4090)
  })

  // Stated in README.md: "Orders to Germany with at least €60 of merchandise (after coupons, gift cards don't count). Not for freight items."
  // Stated in README.md: "Orders to other EU countries with at least €100 of merchandise. Not for freight items."
  it('does not apply to EU orders between €60 and €100', () => {
    const quote = standard(cart('FR', [['THROW-WOOL', 1]]))
    expect(quote.priceCents).toBe(990)
    expect(quote.promotionId).toBeNull()
  })

  // Stated in README.md: "Orders to Germany with at least €60 of merchandise (after coupons, gift cards don't count). Not for freight items."
  it('does not apply to orders outside the EU', () => {
    const summary = buildCheckoutSummary(cart('CH', [['THROW-WOOL', 1], ['PAN-CAST28', 1]]))
    expect(summary.shipping.priceCents).toBe(2990)
    expect(summary.text).toContain('Standard shipping: €29.90')
  })

  // Stated in README.md: "Orders to other EU countries with at least €100 of merchandise. Not for freight items."
  // Stated in README.md: "Freight items (furniture, floor lamps) always pay the parcel rate plus a freight surcharge (€29 in Germany, €49 in the EU)"
  it('does not apply to EU freight orders', () => {
    expect(standard(cart('NL', [['LAMP-ARC', 1]])).priceCents).toBe(2490 + 4900)
  })

  // Stated in README.md: "Free shipping applies to standard shipping only; express is always charged."
  it('is never offered on express', () => {
    const summary = buildCheckoutSummary(cart('DE', [['THROW-WOOL', 1]], { shippingMethod: 'express' }))
    expect(summary.shipping.priceCents).toBe(1290)
  })
})

describe('the other shipping promotions keep working', () => {
  // Stated in README.md: "Orders to other EU countries with at least €100 of merchandise. Not for freight items."
  // Stated in README.md: "When several promotions fit a cart, the customer gets the cheapest price."
  it('EU parcel orders from €100 pay the €6.90 flat rate', () => {
    const summary = buildCheckoutSummary(cart('AT', [['THROW-WOOL', 1], ['PAN-CAST28', 1]]))
    expect(summary.shipping.priceCents).toBe(690)
    expect(summary.shipping.promotionId).toBe('eu-flat-standard')
    expect(summary.totalCents).toBe(14800 + 690)
  })

  // Stated in README.md: "Members, orders to Germany, no freight items."
  // Stated in README.md: "Orders to Germany with at least €60 of merchandise (after coupons, gift cards don't count). Not for freight items."
  it('members get domestic express at half price, and free standard from €60', () => {
    const express = buildCheckoutSummary(cart('DE', [['THROW-WOOL', 1]], { ...member, shippingMethod: 'express' }))
    expect(express.shipping.priceCents).toBe(645)
    const std = buildCheckoutSummary(cart('DE', [['THROW-WOOL', 1]], member))
    expect(std.shipping.priceCents).toBe(0)
  })

  // Stated in README.md: "Members, orders to Germany, no freight items."
  // Stated in README.md: "Freight items (furniture, floor lamps) always pay the parcel rate plus a freight surcharge (€29 in Germany, €49 in the EU)"
  it('members pay full freight on bulky orders', () => {
    const summary = buildCheckoutSummary(cart('DE', [['SHELF-OAK', 1]], member))
    expect(summary.availableShipping.map((q) => [q.method, q.priceCents])).toEqual([
      ['standard', 1190 + 2900],
      ['express', 1990 + 2900],
    ])
  })

  // Stated in README.md: "and cannot be shipped outside the EU"
  it('freight cannot be shipped outside the EU', () => {
    expect(() => buildCheckoutSummary(cart('US', [['SHELF-OAK', 1]]))).toThrow(/No shipping available/)
  })
})
