import { type ReservedLine } from '../inventory/reservations';

export type ConfirmedOrder = {
  orderId: string;
  customerId: string;
  lines: ReservedLine[];
  totalCents: number;
  confirmedAt: number;
};

/** Confirmed orders, which the warehouse picks from. */
export class OrderBook {
  private readonly orders: ConfirmedOrder[] = [];
  private sequence = 0;

  nextOrderId(): string {
    this.sequence += 1;
    return `ord_${String(this.sequence).padStart(5, '0')}`;
  }

  add(order: ConfirmedOrder): void {
    if (this.orders.some((existing) => existing.orderId === order.orderId)) {
      throw new Error(`order ${order.orderId} already confirmed`);
    }
    this.orders.push({ ...order, lines: order.lines.map((line) => ({ ...line })) });
  }

  all(): ConfirmedOrder[] {
    return this.orders.map((order) => ({ ...order, lines: order.lines.map((line) => ({ ...line })) }));
  }

  /** Units of `sku` the warehouse has been asked to ship. */
  unitsSold(sku: string): number {
    let units = 0;
    for (const order of this.orders) for (const line of order.lines) if (line.sku === sku) units += line.quantity;
    return units;
  }
}
