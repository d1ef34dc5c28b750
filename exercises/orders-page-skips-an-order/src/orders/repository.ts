import { type Order, type OrderFilter } from './types';

function matches(order: Order, filter: OrderFilter): boolean {
  if (filter.status !== undefined && order.status !== filter.status) return false;
  if (filter.placedFrom !== undefined && order.placedAt < filter.placedFrom) return false;
  if (filter.placedBefore !== undefined && order.placedAt >= filter.placedBefore) return false;
  return true;
}

function oldestFirst(a: Order, b: Order): number {
  if (a.placedAt !== b.placedAt) return a.placedAt < b.placedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * In-memory stand-in for the orders table. Results always come back in the same
 * order (oldest first, ties broken by id), which is what makes paging over them safe.
 */
export class OrderRepository {
  private readonly orders = new Map<string, Order>();

  add(order: Order): void {
    if (this.orders.has(order.id)) throw new Error(`Order ${order.id} already exists`);
    if (!Number.isInteger(order.totalCents) || order.totalCents < 0) {
      throw new Error(`Order ${order.id} has an invalid total: ${order.totalCents}`);
    }
    this.orders.set(order.id, { ...order });
  }

  addAll(orders: Iterable<Order>): void {
    for (const order of orders) this.add(order);
  }

  get(id: string): Order | undefined {
    const order = this.orders.get(id);
    return order ? { ...order } : undefined;
  }

  find(filter: OrderFilter = {}): Order[] {
    return [...this.orders.values()]
      .filter((order) => matches(order, filter))
      .sort(oldestFirst)
      .map((order) => ({ ...order }));
  }

  count(filter: OrderFilter = {}): number {
    let count = 0;
    for (const order of this.orders.values()) if (matches(order, filter)) count++;
    return count;
  }
}
