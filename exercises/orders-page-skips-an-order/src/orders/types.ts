export type OrderStatus = 'pending' | 'paid' | 'shipped' | 'cancelled' | 'refunded';

export const ORDER_STATUSES: readonly OrderStatus[] = ['pending', 'paid', 'shipped', 'cancelled', 'refunded'];

export type Order = {
  id: string;
  customerId: string;
  /** ISO 8601 instant in UTC, e.g. "2026-01-12T08:15:00.000Z". */
  placedAt: string;
  status: OrderStatus;
  totalCents: number;
  currency: 'EUR';
};

export type OrderFilter = {
  status?: OrderStatus;
  /** Inclusive lower bound on placedAt. */
  placedFrom?: string;
  /** Exclusive upper bound on placedAt. */
  placedBefore?: string;
};

export function isOrderStatus(value: string): value is OrderStatus {
  return (ORDER_STATUSES as readonly string[]).includes(value);
}
