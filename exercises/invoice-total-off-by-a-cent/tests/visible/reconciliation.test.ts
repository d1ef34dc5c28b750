import { describe, it, expect } from 'vitest';
import { OrderDesk } from '../../src/checkout/place-order';
import { PaymentGateway } from '../../src/payments/gateway';
import { reconcileDay, formatReport } from '../../src/finance/reconcile';
import { type Order, type OrderItem } from '../../src/orders/order';

const catalogue = {
  filterCoffee: { sku: 'COF-250', description: 'Filter coffee, 250 g', unitPrice: 6.45, vatRate: 7 },
  espresso: { sku: 'COF-1000', description: 'Espresso beans, 1 kg', unitPrice: 21.9, vatRate: 7 },
  sencha: { sku: 'TEA-100', description: 'Sencha, 100 g', unitPrice: 8.95, vatRate: 7 },
  mug: { sku: 'MUG-01', description: 'Enamel mug', unitPrice: 12.99, vatRate: 19 },
  grinder: { sku: 'GRN-02', description: 'Hand grinder', unitPrice: 49.9, vatRate: 19 },
  filters: { sku: 'FLT-100', description: 'Paper filters, 100 pcs', unitPrice: 3.35, vatRate: 19 },
} as const;

type Product = (typeof catalogue)[keyof typeof catalogue];

function item(product: Product, quantity: number, discountPercent = 0): OrderItem {
  return { ...product, quantity, discountPercent };
}

function order(id: string, items: OrderItem[]): Order {
  return { id, customerId: `cus_${id.slice(-3)}`, placedOn: '2026-01-19', items };
}

// The orders of Monday 19 January, as the shop front end submitted them.
const monday: Order[] = [
  order('ord_88101', [item(catalogue.espresso, 1), item(catalogue.mug, 2)]),
  order('ord_88102', [item(catalogue.filterCoffee, 1, 15)]),
  order('ord_88103', [item(catalogue.grinder, 1), item(catalogue.filters, 2)]),
  order('ord_88104', [item(catalogue.sencha, 2, 5), item(catalogue.mug, 1)]),
  order('ord_88105', [item(catalogue.espresso, 2, 10), item(catalogue.filterCoffee, 3)]),
  order('ord_88106', [item(catalogue.filters, 5, 10)]),
];

describe('nightly payment reconciliation', () => {
  it('matches every invoice of the day with its settled payment', () => {
    const gateway = new PaymentGateway();
    const desk = new OrderDesk(gateway);
    for (const o of monday) desk.placeOrder(o);

    const report = reconcileDay('2026-01-19', desk.invoicesIssuedOn('2026-01-19'), gateway.settlementReport('2026-01-19'));

    expect(report.mismatches).toEqual([]);
    expect(formatReport(report)).not.toContain('MISMATCH');
    expect(report.matched).toBe(monday.length);
    expect(report.invoicedCents).toBe(report.settledCents);
  });

  it('reports an invoice whose payment never arrived', () => {
    const gateway = new PaymentGateway();
    const desk = new OrderDesk(gateway);
    desk.placeOrder(order('ord_88201', [item(catalogue.grinder, 1)]));
    const invoices = desk.invoicesIssuedOn('2026-01-19');

    const report = reconcileDay('2026-01-19', invoices, []);

    expect(report.unpaid).toEqual([invoices[0]?.number]);
    expect(report.matched).toBe(0);
  });
});

describe('invoice for a single order', () => {
  it('charges the customer exactly the invoice total', () => {
    const desk = new OrderDesk(new PaymentGateway());
    const { charge, invoice } = desk.placeOrder(order('ord_88102', [item(catalogue.filterCoffee, 1, 15)]));

    expect(invoice.totalCents).toBe(charge.amount);
  });
});
