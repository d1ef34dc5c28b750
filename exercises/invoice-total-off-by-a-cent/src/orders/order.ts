// Orders as the shop front end submits them. Prices come from the catalogue API in
// euros, as JSON numbers with at most two decimals.

export type VatRate = 0 | 7 | 19;

export type OrderItem = {
  sku: string;
  description: string;
  /** Catalogue price per unit, net of VAT, in euros. */
  unitPrice: number;
  quantity: number;
  /** Whole-number percentage, 0-100 (volume deals, voucher codes). */
  discountPercent: number;
  vatRate: VatRate;
};

export type Order = {
  id: string;
  customerId: string;
  placedOn: string;
  items: OrderItem[];
};

export function validateOrder(order: Order): void {
  if (order.items.length === 0) throw new Error(`order ${order.id} has no items`);
  for (const item of order.items) {
    const where = `order ${order.id}, ${item.sku}`;
    if (!Number.isInteger(item.quantity) || item.quantity < 1) throw new Error(`${where}: bad quantity ${item.quantity}`);
    if (!(item.unitPrice >= 0) || Math.abs(item.unitPrice * 100 - Math.round(item.unitPrice * 100)) > 1e-6) {
      throw new Error(`${where}: bad unit price ${item.unitPrice}`);
    }
    if (!Number.isInteger(item.discountPercent) || item.discountPercent < 0 || item.discountPercent > 100) {
      throw new Error(`${where}: bad discount ${item.discountPercent}`);
    }
    if (![0, 7, 19].includes(item.vatRate)) throw new Error(`${where}: bad VAT rate ${item.vatRate}`);
  }
}
