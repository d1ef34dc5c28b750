import { type Cents, toCents } from './money';
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

type LineFigures = { net: number; vat: number };

// Works in euros, like the catalogue, rounding each FIN-7 step to the cent.
function lineFigures(unitPrice: number, quantity: number, discountPercent: number, vatRate: number): LineFigures {
  const listPrice = unitPrice * quantity;
  const discount = Math.round(listPrice * discountPercent) / 100;
  const net = listPrice - discount;
  const vat = Math.round(net * vatRate) / 100;
  return { net, vat };
}

export function buildInvoice(order: Order, number: string, issuedOn: string): Invoice {
  let net = 0;
  let total = 0;
  const vatByRate = new Map<number, number>();

  const lines = order.items.map((item): InvoiceLine => {
    const figures = lineFigures(item.unitPrice, item.quantity, item.discountPercent, item.vatRate);
    const lineNet = toCents(figures.net);
    const lineVat = toCents(figures.vat);
    net += lineNet;
    total += lineNet + lineVat;
    vatByRate.set(item.vatRate, (vatByRate.get(item.vatRate) ?? 0) + lineVat);
    return {
      sku: item.sku,
      description: item.description,
      quantity: item.quantity,
      unitPriceCents: toCents(item.unitPrice),
      discountPercent: item.discountPercent,
      vatRate: item.vatRate,
      netCents: lineNet,
      vatCents: lineVat,
      grossCents: lineNet + lineVat,
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
