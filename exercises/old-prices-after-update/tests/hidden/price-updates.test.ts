import { describe, it, expect, vi, afterEach } from 'vitest'
import { InMemoryProductStore, type Product } from '../../src/catalog/productStore'
import { CatalogService } from '../../src/catalog/catalogService'
import { Cart } from '../../src/cart/cart'

function products(): Product[] {
  return [
    { id: 'prd_3001', sku: 'COF-ETH-500', name: 'Ethiopia Yirgacheffe 500 g', category: 'coffee', priceCents: 2450, active: true },
    { id: 'prd_3002', sku: 'COF-BRA-250', name: 'Brazil Santos 250 g', category: 'coffee', priceCents: 990, active: true },
    { id: 'prd_3003', sku: 'COF-DEC-250', name: 'Decaf Colombia 250 g', category: 'coffee', priceCents: 1150, active: true },
    { id: 'prd_4001', sku: 'ACC-GRD-02', name: 'Hand grinder', category: 'accessories', priceCents: 3900, active: true },
  ]
}

function setup() {
  const store = new InMemoryProductStore(products())
  const catalog = new CatalogService(store)
  return { store, catalog }
}

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('price changes reach the storefront immediately', () => {
  // Stated in README.md: "A change made through the back office, on the other hand, must show on every page and in every cart right away"
  it('a product that was already looked up shows its new price', async () => {
    const { catalog } = setup()
    expect((await catalog.getProduct('COF-ETH-500'))?.priceCents).toBe(2450)

    await catalog.updatePrice('prd_3001', 2190)

    expect((await catalog.getProduct('COF-ETH-500'))?.priceCents).toBe(2190)
  })

  // Stated in README.md: "A change made through the back office, on the other hand, must show on every page and in every cart right away"
  // Stated in src/cart/cart.ts: "from the catalogue every time the cart is shown, so the shopper always"
  it('every successive price change is visible in the cart', async () => {
    const { catalog } = setup()
    const cart = new Cart(catalog)
    cart.add('COF-BRA-250', 3)

    for (const price of [1090, 870, 1250]) {
      await cart.summary()
      await catalog.updatePrice('prd_3002', price)
      const summary = await cart.summary()
      expect(summary.lines[0].unitPriceCents).toBe(price)
      expect(summary.subtotalCents).toBe(3 * price)
    }
  })

  // Stated in src/cart/cart.ts: "from the catalogue every time the cart is shown, so the shopper always"
  it('a price change can move the cart across the free-shipping threshold', async () => {
    const { catalog } = setup()
    const cart = new Cart(catalog)
    cart.add('COF-ETH-500', 2) // 49.00
    const before = await cart.summary()
    expect(before.shippingCents).toBe(495)
    expect(before.totalCents).toBe(4900 + 495)

    await catalog.updatePrice('prd_3001', 2550)

    const after = await cart.summary()
    expect(after.subtotalCents).toBe(5100)
    expect(after.shippingCents).toBe(0)
    expect(after.totalCents).toBe(5100)
  })

  // Stated in src/catalog/catalogService.ts: "Storefront lookup. SKUs are case-insensitive."
  // Stated in README.md: "Product links look like"
  it('works for carts filled from storefront links, which use lower-case SKUs', async () => {
    const { catalog } = setup()
    const cart = new Cart(catalog)
    cart.add('cof-dec-250', 2)
    expect((await cart.summary()).subtotalCents).toBe(2 * 1150)

    await catalog.updatePrice('prd_3003', 1050)

    expect((await cart.summary()).subtotalCents).toBe(2 * 1050)
  })

  // Stated in src/catalog/catalogService.ts: "Storefront lookup. SKUs are case-insensitive."
  // Stated in README.md: "A change made through the back office, on the other hand, must show on every page and in every cart right away"
  it('updates every spelling of a SKU that the storefront has looked up', async () => {
    const { catalog } = setup()
    const spellings = ['ACC-GRD-02', 'acc-grd-02', 'Acc-Grd-02']
    for (const sku of spellings) expect((await catalog.getProduct(sku))?.priceCents).toBe(3900)

    await catalog.updatePrice('prd_4001', 3500)

    for (const sku of spellings) expect((await catalog.getProduct(sku))?.priceCents).toBe(3500)
  })

  // Stated in README.md: "a product taken off sale can no longer be bought"
  it('a product taken off sale disappears from carts', async () => {
    const { catalog } = setup()
    const cart = new Cart(catalog)
    cart.add('COF-BRA-250')
    cart.add('ACC-GRD-02')
    expect((await cart.summary()).lines).toHaveLength(2)

    await catalog.setActive('prd_3002', false)

    const summary = await cart.summary()
    expect(summary.lines.map((l) => l.sku)).toEqual(['ACC-GRD-02'])
    expect(summary.unavailable).toEqual(['COF-BRA-250'])
    expect(summary.totalCents).toBe(3900 + 495)
  })

  // Stated in README.md: "A change made through the back office, on the other hand, must show on every page and in every cart right away"
  it('the category page and the cart agree after an update', async () => {
    const { catalog } = setup()
    const cart = new Cart(catalog)
    cart.add('COF-ETH-500')
    await cart.summary()
    await catalog.listCategory('coffee')

    await catalog.updatePrice('prd_3001', 2290)

    const listed = (await catalog.listCategory('coffee')).find((p) => p.sku === 'COF-ETH-500')
    expect(listed?.priceCents).toBe(2290)
    expect((await cart.summary()).lines[0].unitPriceCents).toBe(2290)
  })

  // Stated in src/cart/cart.ts: "Only SKUs and quantities are kept; prices are looked up"
  // Stated in src/cart/cart.ts: "from the catalogue every time the cart is shown, so the shopper always"
  it('other products keep their prices', async () => {
    const { catalog } = setup()
    const cart = new Cart(catalog)
    cart.add('COF-ETH-500')
    cart.add('COF-BRA-250')
    await cart.summary()

    await catalog.updatePrice('prd_3001', 2000)

    const summary = await cart.summary()
    expect(summary.lines.map((l) => [l.sku, l.unitPriceCents])).toEqual([
      ['COF-ETH-500', 2000],
      ['COF-BRA-250', 990],
    ])
  })
})

describe('the cache still does its job', () => {
  // Stated in README.md: "a product that has not changed is served from the cache, not read again"
  it('serves repeated lookups of an unchanged product without going back to the store', async () => {
    const { store, catalog } = setup()
    const findBySku = vi.spyOn(store, 'findBySku')

    for (let i = 0; i < 5; i++) expect((await catalog.getProduct('COF-BRA-250'))?.priceCents).toBe(990)

    expect(findBySku).toHaveBeenCalledTimes(1)
  })

  // Stated in README.md: "Rows changed directly in the database (the nightly ERP import does this) reach the storefront when their cache entry expires, at most 10 minutes later."
  it('picks up changes made directly in the store once the entry expires', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-05T09:00:00Z'))
    const { store, catalog } = setup()
    expect((await catalog.getProduct('COF-BRA-250'))?.priceCents).toBe(990)

    const row = await store.findById('prd_3002')
    await store.save({ ...row!, priceCents: 1010 })

    vi.advanceTimersByTime(11 * 60 * 1000)
    expect((await catalog.getProduct('COF-BRA-250'))?.priceCents).toBe(1010)
  })
})
