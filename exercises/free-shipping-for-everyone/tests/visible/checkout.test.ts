import { describe, it, expect } from 'vitest'
import { buildCheckoutSummary } from '../../src/checkout/summary'
import type { Cart } from '../../src/cart'

function cart(country: string, postcode: string, lines: [string, number][], extra: Partial<Cart> = {}): Cart {
  return {
    lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
    destination: { country, postcode },
    customer: { id: 'c-1001', member: false },
    ...extra,
  }
}

describe('checkout summary: shipping', () => {
  it('Hamburg, wool throw (€89): free standard shipping', () => {
    const summary = buildCheckoutSummary(cart('DE', '20095', [['THROW-WOOL', 1]]))
    expect(summary.shipping.priceCents).toBe(0)
    expect(summary.totalCents).toBe(8900)
    expect(summary.text).toContain('Standard shipping: Free (Free standard shipping from €60)')
  })

  it('Munich, two mugs and a cushion cover (€53): pays standard shipping', () => {
    const summary = buildCheckoutSummary(cart('DE', '80331', [['MUG-STONE', 2], ['CUSHION-LIN', 1]]))
    expect(summary.shipping.priceCents).toBe(495)
    expect(summary.text.split('\n').slice(-2)).toEqual(['Standard shipping: €4.95', 'Total: €57.95'])
  })

  it('Berlin, oak bookshelf (€149, freight): pays parcel rate plus freight', () => {
    const summary = buildCheckoutSummary(cart('DE', '10115', [['SHELF-OAK', 1]]))
    expect(summary.text.split('\n').slice(-2)).toEqual(['Standard shipping: €40.90', 'Total: €189.90'])
    expect(summary.totalCents).toBe(18990)
  })

  it('Vienna, kitchen order (€92): pays EU standard shipping', () => {
    const summary = buildCheckoutSummary(
      cart('AT', '1070', [['BOWL-SET4', 1], ['MUG-STONE', 2], ['CUSHION-LIN', 1]]),
    )
    expect(summary.text.split('\n').slice(-2)).toEqual(['Standard shipping: €14.90', 'Total: €106.90'])
    expect(summary.totalCents).toBe(10690)
  })
})
