import { describe, it, expect } from 'vitest';
import { buildInvoice, type Invoice } from '../../src/billing/invoice';
import { OrderDesk } from '../../src/checkout/place-order';
import { PaymentGateway } from '../../src/payments/gateway';
import { reconcileDay } from '../../src/finance/reconcile';
import { type Order, type OrderItem, type VatRate } from '../../src/orders/order';

function line(sku: string, unitPrice: number, quantity: number, discountPercent: number, vatRate: VatRate): OrderItem {
  return { sku, description: `Item ${sku}`, unitPrice, quantity, discountPercent, vatRate };
}

function invoiceFor(items: OrderItem[], id = 'ord_t1'): Invoice {
  return buildInvoice({ id, customerId: 'cus_t', placedOn: '2026-03-02', items }, 'INV-T-1', '2026-03-02');
}

function figures(invoice: Invoice) {
  return invoice.lines.map((l) => ({ net: l.netCents, vat: l.vatCents, gross: l.grossCents }));
}

function expectSelfConsistent(invoice: Invoice) {
  let net = 0;
  let gross = 0;
  const vat = new Map<number, number>();
  for (const l of invoice.lines) {
    expect(Number.isInteger(l.netCents) && Number.isInteger(l.vatCents) && Number.isInteger(l.grossCents)).toBe(true);
    expect(l.netCents + l.vatCents).toBe(l.grossCents);
    net += l.netCents;
    gross += l.grossCents;
    vat.set(l.vatRate, (vat.get(l.vatRate) ?? 0) + l.vatCents);
  }
  expect(invoice.netCents).toBe(net);
  expect(invoice.totalCents).toBe(gross);
  expect(new Map(invoice.vatByRate.map((v) => [v.rate, v.vatCents]))).toEqual(vat);
}

describe('invoice line amounts follow FIN-7', () => {
  // Stated in src/billing/money.ts: "discount   = discount % of the list price, rounded half up to the cent"
  // Stated in src/billing/money.ts: "VAT        = VAT rate % of the net, rounded half up to the cent"
  it('rounds the discount half up before VAT is applied', () => {
    // 6.45 x 1, 15 % off: discount 96.75 -> 97 ct, net 548 ct, VAT 7 % 38.36 -> 38 ct
    const invoice = invoiceFor([line('COF-250', 6.45, 1, 15, 7)]);
    expect(figures(invoice)).toEqual([{ net: 548, vat: 38, gross: 586 }]);
    expect(invoice.totalCents).toBe(586);
  });

  // Stated in src/billing/money.ts: "discount   = discount % of the list price, rounded half up to the cent"
  it('rounds an exact half-cent discount up even when the euro amount is not exact in binary', () => {
    const invoice = invoiceFor([
      line('A', 2.9, 1, 5, 7), //      discount 14.5 -> 15, net 275, VAT 19.25 -> 19
      line('B', 10.05, 1, 10, 7), //   discount 100.5 -> 101, net 904, VAT 63.28 -> 63
      line('C', 21.35, 1, 10, 7), //   discount 213.5 -> 214, net 1921, VAT 134.47 -> 134
    ]);
    expect(figures(invoice)).toEqual([
      { net: 275, vat: 19, gross: 294 },
      { net: 904, vat: 63, gross: 967 },
      { net: 1921, vat: 134, gross: 2055 },
    ]);
    expect(invoice.totalCents).toBe(3316);
  });

  // Stated in src/billing/money.ts: "VAT        = VAT rate % of the net, rounded half up to the cent"
  // Stated in src/billing/money.ts: "Invoice totals and VAT subtotals are sums of those per-line amounts."
  it('rounds an exact half-cent of VAT up', () => {
    const invoice = invoiceFor([line('D', 42.5, 1, 0, 19), line('E', 49.5, 1, 0, 19), line('F', 2.5, 1, 0, 7)]);
    expect(figures(invoice)).toEqual([
      { net: 4250, vat: 808, gross: 5058 },
      { net: 4950, vat: 941, gross: 5891 },
      { net: 250, vat: 18, gross: 268 },
    ]);
    expect(invoice.vatByRate).toEqual([
      { rate: 19, vatCents: 1749 },
      { rate: 7, vatCents: 18 },
    ]);
  });

  // Stated in src/billing/money.ts: "Invoice totals and VAT subtotals are sums of those per-line amounts."
  it('totals the rounded lines, not the unrounded amounts', () => {
    const items = Array.from({ length: 12 }, (_, i) => line(`STK-${i}`, 0.1, 1, 0, 19));
    const invoice = invoiceFor(items);
    expect(invoice.lines.every((l) => l.vatCents === 2 && l.grossCents === 12)).toBe(true);
    expect(invoice.vatByRate).toEqual([{ rate: 19, vatCents: 24 }]);
    expect(invoice.netCents).toBe(120);
    expect(invoice.totalCents).toBe(144);
  });

  // Stated in src/billing/money.ts: "list price = unit price x quantity"
  // Stated in src/billing/money.ts: "discount   = discount % of the list price, rounded half up to the cent"
  // Stated in src/billing/money.ts: "VAT        = VAT rate % of the net, rounded half up to the cent"
  it('handles a fully discounted line and large quantities', () => {
    const invoice = invoiceFor([line('GIFT', 12.99, 1, 100, 19), line('BULK', 21.9, 250, 12, 7)]);
    // 5475.00 list, discount 657.00, net 4818.00, VAT 337.26
    expect(figures(invoice)).toEqual([
      { net: 0, vat: 0, gross: 0 },
      { net: 481800, vat: 33726, gross: 515526 },
    ]);
    expect(invoice.totalCents).toBe(515526);
  });

  // Stated in src/billing/money.ts: "gross      = net + VAT"
  // Stated in src/billing/money.ts: "Invoice totals and VAT subtotals are sums of those per-line amounts."
  it('prints lines that add up on every invoice of a mixed basket', () => {
    const invoice = invoiceFor([
      line('COF-250', 6.45, 3, 15, 7),
      line('TEA-100', 8.95, 2, 5, 7),
      line('MUG-01', 12.99, 3, 10, 19),
      line('FLT-100', 3.35, 5, 15, 19),
      line('SYR-01', 5.15, 3, 5, 7),
      line('BOOK', 19.9, 1, 0, 0),
    ]);
    expectSelfConsistent(invoice);
  });
});

// Independent reference for FIN-7, in integer cents.
function referenceGross(item: OrderItem): number {
  const list = Math.round(item.unitPrice * 100) * item.quantity;
  const net = list - Math.floor((list * item.discountPercent + 50) / 100);
  return net + Math.floor((net * item.vatRate + 50) / 100);
}

function pseudoRandom(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

function busyDay(count: number, day: string): Order[] {
  const next = pseudoRandom(20260302);
  const rates: VatRate[] = [7, 19, 19, 7, 0];
  const discounts = [0, 0, 0, 5, 10, 12, 15, 20, 25, 33, 50];
  return Array.from({ length: count }, (_, i) => ({
    id: `ord_b${String(i).padStart(4, '0')}`,
    customerId: `cus_${next(400)}`,
    placedOn: day,
    items: Array.from({ length: 1 + next(6) }, (_, j) =>
      line(`SKU-${j}`, (99 + next(9_900)) / 100, 1 + next(12), discounts[next(discounts.length)] as number, rates[next(rates.length)] as VatRate),
    ),
  }));
}

describe('a busy day end to end', () => {
  // Stated in src/billing/money.ts: "charged exactly the invoice total"
  // Stated in src/finance/reconcile.ts: "every invoice of the day must match one settled payment to the cent"
  it('invoices exactly what was charged, for every order', () => {
    const gateway = new PaymentGateway();
    const desk = new OrderDesk(gateway);
    const orders = busyDay(400, '2026-03-02');
    for (const order of orders) {
      const { charge, invoice } = desk.placeOrder(order);
      const expected = order.items.reduce((sum, item) => sum + referenceGross(item), 0);
      expect(invoice.totalCents, order.id).toBe(expected);
      expect(charge.amount, order.id).toBe(expected);
      expectSelfConsistent(invoice);
    }
    const report = reconcileDay('2026-03-02', desk.invoicesIssuedOn('2026-03-02'), gateway.settlementReport('2026-03-02'));
    expect(report.mismatches).toEqual([]);
    expect(report.matched).toBe(400);
    expect(report.invoicedCents).toBe(report.settledCents);
  });
});
