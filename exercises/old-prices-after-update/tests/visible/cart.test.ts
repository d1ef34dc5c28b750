import { describe, it, expect } from 'vitest'
import { InMemoryProductStore, type Product } from '../../src/catalog/productStore'
import { CatalogService } from '../../src/catalog/catalogService'
import { Cart } from '../../src/cart/cart'

function products(): Product[] {
  return [
    { id: 'prd_1042', sku: 'TEA-EGR-250', name: 'Earl Grey, loose leaf 250 g', category: 'tea', priceCents: 1490, active: true },
    { id: 'prd_1043', sku: 'TEA-SEN-100', name: 'Sencha 100 g', category: 'tea', priceCents: 890, active: true },
    { id: 'prd_2001', sku: 'ACC-INF-01', name: 'Steel infuser', category: 'accessories', priceCents: 650, active: true },
  ]
}

function setup() {
  const store = new InMemoryProductStore(products())
  const catalog = new CatalogService(store)
  return { store, catalog }
}

describe('cart totals', () => {
  it('adds up lines and charges shipping below 50 euro', async () => {
    const { catalog } = setup()
    const cart = new Cart(catalog)
    cart.add('TEA-EGR-250', 2)
    cart.add('ACC-INF-01')

    const summary = await cart.summary()
    expect(summary.subtotalCents).toBe(2 * 1490 + 650)
    expect(summary.shippingCents).toBe(495)
    expect(summary.totalCents).toBe(2 * 1490 + 650 + 495)
  })

  it('uses the new price once the back office has changed it', async () => {
    const { catalog } = setup()
    const cart = new Cart(catalog)
    cart.add('TEA-EGR-250', 2)
    expect((await cart.summary()).totalCents).toBe(2 * 1490 + 495)

    // Merchandising drops the price for the January sale.
    await catalog.updatePrice('prd_1042', 1190)

    const summary = await cart.summary()
    expect(summary.lines[0].unitPriceCents).toBe(1190)
    expect(summary.totalCents).toBe(2 * 1190 + 495)
  })
})

describe('category page', () => {
  it('shows the new price once the back office has changed it', async () => {
    const { catalog } = setup()
    expect((await catalog.listCategory('tea')).map((p) => p.priceCents)).toEqual([1490, 890])

    await catalog.updatePrice('prd_1042', 1190)

    expect((await catalog.listCategory('tea')).map((p) => p.priceCents)).toEqual([1190, 890])
  })
})
