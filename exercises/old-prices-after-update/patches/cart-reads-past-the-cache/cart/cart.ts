import type { CatalogService } from '../catalog/catalogService'
import { formatCents } from './money'

export const FREE_SHIPPING_FROM_CENTS = 5000
export const SHIPPING_CENTS = 495

export type CartLine = {
  sku: string
  name: string
  quantity: number
  unitPriceCents: number
  lineTotalCents: number
}

export type CartSummary = {
  lines: CartLine[]
  unavailable: string[]
  subtotalCents: number
  shippingCents: number
  totalCents: number
  totalLabel: string
}

// A shopper's cart. Only SKUs and quantities are kept; prices are looked up
// from the catalogue every time the cart is shown, so the shopper always
// pays the current price.
export class Cart {
  private readonly catalog: CatalogService
  private readonly quantities = new Map<string, number>()

  constructor(catalog: CatalogService) {
    this.catalog = catalog
  }

  add(sku: string, quantity = 1): void {
    if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError('quantity must be a positive integer')
    this.quantities.set(sku, (this.quantities.get(sku) ?? 0) + quantity)
  }

  setQuantity(sku: string, quantity: number): void {
    if (quantity <= 0) this.quantities.delete(sku)
    else this.quantities.set(sku, quantity)
  }

  async summary(): Promise<CartSummary> {
    const lines: CartLine[] = []
    const unavailable: string[] = []

    for (const [sku, quantity] of this.quantities) {
      const product = await this.catalog.getProduct(sku, { fresh: true })
      if (!product || !product.active) {
        unavailable.push(sku)
        continue
      }
      lines.push({
        sku: product.sku,
        name: product.name,
        quantity,
        unitPriceCents: product.priceCents,
        lineTotalCents: product.priceCents * quantity,
      })
    }

    const subtotalCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0)
    const shippingCents = lines.length === 0 || subtotalCents >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS
    const totalCents = subtotalCents + shippingCents
    return { lines, unavailable, subtotalCents, shippingCents, totalCents, totalLabel: formatCents(totalCents) }
  }
}
