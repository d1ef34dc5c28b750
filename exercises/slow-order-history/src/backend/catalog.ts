import { type BackendMeter, roundTrip } from './meter';

export type Product = {
  id: string;
  sku: string;
  name: string;
  imageUrl: string;
  discontinued: boolean;
};

/** The catalog API rejects batch requests with more ids than this. */
export const CATALOG_MAX_BATCH = 100;

/** Client for the catalog service. Every method call is one backend round trip. */
export class CatalogClient {
  private readonly productsById: Map<string, Product>;
  private readonly meter: BackendMeter;

  constructor(products: readonly Product[], meter: BackendMeter) {
    this.productsById = new Map(products.map((product) => [product.id, product]));
    this.meter = meter;
  }

  /** GET /products/{id}: the product, or null when the id is unknown. */
  async getById(id: string): Promise<Product | null> {
    this.meter.record('catalog.getProduct');
    await roundTrip();
    return this.productsById.get(id) ?? null;
  }

  /**
   * GET /products?ids=...: the products for up to CATALOG_MAX_BATCH ids in one request.
   * Unknown ids are left out, duplicates are answered once, and the result is sorted by
   * SKU, not in the order of `ids`.
   */
  async getMany(ids: readonly string[]): Promise<Product[]> {
    if (ids.length > CATALOG_MAX_BATCH) {
      throw new RangeError(`catalog: at most ${CATALOG_MAX_BATCH} ids per request, got ${ids.length}`);
    }
    this.meter.record('catalog.getProducts');
    await roundTrip();
    const found: Product[] = [];
    for (const id of new Set(ids)) {
      const product = this.productsById.get(id);
      if (product) found.push(product);
    }
    return found.sort((a, b) => a.sku.localeCompare(b.sku));
  }
}
