import { type BackendMeter, roundTrip } from './meter';

export type OrderStatus = 'placed' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';
export type Currency = 'EUR' | 'GBP' | 'USD';

export type OrderLine = {
  productId: string;
  quantity: number;
  unitPriceCents: number;
};

export type Order = {
  id: string;
  accountId: string;
  /** The member who placed the order. */
  placedBy: string;
  placedAt: string;
  status: OrderStatus;
  currency: Currency;
  shippingCents: number;
  lines: OrderLine[];
};

export type OrderListPage = { orders: Order[]; total: number };

/** Client for the orders service. Every method call is one backend round trip. */
export class OrdersClient {
  private readonly orders: readonly Order[];
  private readonly meter: BackendMeter;

  constructor(orders: readonly Order[], meter: BackendMeter) {
    this.orders = orders;
    this.meter = meter;
  }

  /** GET /accounts/{id}/orders: newest first. */
  async listForAccount(accountId: string, range: { offset: number; limit: number }): Promise<OrderListPage> {
    this.meter.record('orders.list');
    await roundTrip();
    const all = this.orders
      .filter((order) => order.accountId === accountId)
      .sort((a, b) => b.placedAt.localeCompare(a.placedAt) || b.id.localeCompare(a.id));
    return { orders: all.slice(range.offset, range.offset + range.limit), total: all.length };
  }
}
