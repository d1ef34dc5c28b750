// Product records as stored in the catalogue database.
// Prices are integer euro cents.

export type Product = {
  id: string
  sku: string
  name: string
  category: string
  priceCents: number
  active: boolean
}

export interface ProductStore {
  findById(id: string): Promise<Product | undefined>
  findBySku(sku: string): Promise<Product | undefined>
  listByCategory(category: string): Promise<Product[]>
  save(product: Product): Promise<void>
}

const sameSku = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase()

export class InMemoryProductStore implements ProductStore {
  private readonly rows = new Map<string, Product>()

  constructor(products: Product[] = []) {
    for (const product of products) this.rows.set(product.id, { ...product })
  }

  async findById(id: string): Promise<Product | undefined> {
    const row = this.rows.get(id)
    return row ? { ...row } : undefined
  }

  async findBySku(sku: string): Promise<Product | undefined> {
    for (const row of this.rows.values()) {
      if (sameSku(row.sku, sku)) return { ...row }
    }
    return undefined
  }

  async listByCategory(category: string): Promise<Product[]> {
    return [...this.rows.values()]
      .filter((row) => row.category === category)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((row) => ({ ...row }))
  }

  async save(product: Product): Promise<void> {
    this.rows.set(product.id, { ...product })
  }
}
