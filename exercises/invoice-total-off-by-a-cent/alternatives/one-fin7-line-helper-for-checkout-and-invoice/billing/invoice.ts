import { type Cents, fin7Line, toCents } from './money';
import { type Order } from '../orders/order';

export type InvoiceLine = {
  sku: string;
  description: string;
  quantity: number;
  unitPriceCents: Cents;
  discountPercent: number;
  vatRate: number;
  /** After discount, before VAT. */
  netCents: Cents;
  vatCents: Cents;
  /** What the customer pays for this line: net + VAT. */
  grossCents: Cents;
};

export type Invoice = {
  number: string;
  orderId: string;
  customerId: string;
  issuedOn: string;
  lines: InvoiceLine[];
  netCents: Cents;
  /** VAT subtotal per rate, as printed in the invoice footer. */
  vatByRate: { rate: number; vatCents: Cents }[];
  totalCents: Cents;
};

export function buildInvoice(order: Order, number: string, issuedOn: string): Invoice {
  let net: Cents = 0;
  let total: Cents = 0;
  const vatByRate = new Map<number, Cents>();

  const lines = order.items.map((item): InvoiceLine => {
    const figures = fin7Line(item.unitPrice, item.quantity, item.discountPercent, item.vatRate);
    net += figures.net;
    total += figures.net + figures.vat;
    vatByRate.set(item.vatRate, (vatByRate.get(item.vatRate) ?? 0) + figures.vat);
    return {
      sku: item.sku,
      description: item.description,
      quantity: item.quantity,
      unitPriceCents: toCents(item.unitPrice),
      discountPercent: item.discountPercent,
      vatRate: item.vatRate,
      netCents: figures.net,
      vatCents: figures.vat,
      grossCents: figures.net + figures.vat,
    };
  });

  return {
    number,
    orderId: order.id,
    customerId: order.customerId,
    issuedOn,
    lines,
    netCents: net,
    vatByRate: [...vatByRate.entries()]
      .sort(([a], [b]) => b - a)
      .map(([rate, vat]) => ({ rate, vatCents: vat })),
    totalCents: total,
  };
}
