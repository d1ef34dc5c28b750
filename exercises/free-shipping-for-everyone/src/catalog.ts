export type Category = 'home' | 'kitchen' | 'furniture' | 'lighting' | 'giftcard'

export interface Product {
  sku: string
  name: string
  category: Category
  priceCents: number
  weightGrams: number
  /** Ships by two-person freight rather than parcel. */
  bulky: boolean
}

const PRODUCTS: Product[] = [
  { sku: 'MUG-STONE', name: 'Stoneware mug', category: 'kitchen', priceCents: 1450, weightGrams: 420, bulky: false },
  { sku: 'BOWL-SET4', name: 'Serving bowls, set of 4', category: 'kitchen', priceCents: 3900, weightGrams: 2100, bulky: false },
  { sku: 'PAN-CAST28', name: 'Cast-iron pan 28 cm', category: 'kitchen', priceCents: 5900, weightGrams: 3600, bulky: false },
  { sku: 'THROW-WOOL', name: 'Wool throw', category: 'home', priceCents: 8900, weightGrams: 1300, bulky: false },
  { sku: 'CUSHION-LIN', name: 'Linen cushion cover', category: 'home', priceCents: 2400, weightGrams: 250, bulky: false },
  { sku: 'LAMP-ARC', name: 'Arc floor lamp', category: 'lighting', priceCents: 18900, weightGrams: 14500, bulky: true },
  { sku: 'LAMP-DESK', name: 'Desk lamp', category: 'lighting', priceCents: 4900, weightGrams: 1800, bulky: false },
  { sku: 'SHELF-OAK', name: 'Oak bookshelf', category: 'furniture', priceCents: 14900, weightGrams: 23000, bulky: true },
  { sku: 'STOOL-ASH', name: 'Ash stool', category: 'furniture', priceCents: 6500, weightGrams: 4200, bulky: false },
  { sku: 'GIFT-25', name: 'Gift card €25', category: 'giftcard', priceCents: 2500, weightGrams: 0, bulky: false },
  { sku: 'GIFT-50', name: 'Gift card €50', category: 'giftcard', priceCents: 5000, weightGrams: 0, bulky: false },
]

const BY_SKU = new Map(PRODUCTS.map((product) => [product.sku, product]))

export function findProduct(sku: string): Product {
  const product = BY_SKU.get(sku)
  if (!product) throw new Error(`Unknown SKU ${sku}`)
  return product
}
