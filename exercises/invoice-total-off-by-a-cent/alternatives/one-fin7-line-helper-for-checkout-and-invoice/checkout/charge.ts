import { type Cents, fin7Line, sumCents } from '../billing/money';
import { type Order, type OrderItem } from '../orders/order';

/** What we send to the payment provider's "create charge" endpoint. */
export type ChargeRequest = {
  reference: string;
  customerId: string;
  currency: 'EUR';
  /** Amount to capture, in cents. The provider checks it equals the sum of the lines. */
  amount: Cents;
  lines: { sku: string; quantity: number; amount: Cents }[];
};

function chargeableAmount(item: OrderItem): Cents {
  const { net, vat } = fin7Line(item.unitPrice, item.quantity, item.discountPercent, item.vatRate);
  return net + vat;
}

export function buildChargeRequest(order: Order): ChargeRequest {
  const lines = order.items.map((item) => ({ sku: item.sku, quantity: item.quantity, amount: chargeableAmount(item) }));
  return {
    reference: order.id,
    customerId: order.customerId,
    currency: 'EUR',
    amount: sumCents(lines.map((line) => line.amount)),
    lines,
  };
}
