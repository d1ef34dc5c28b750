import { buildInvoice, type Invoice } from '../billing/invoice';
import { type Order, validateOrder } from '../orders/order';
import { type Charge, type PaymentGateway } from '../payments/gateway';
import { buildChargeRequest } from './charge';

export type PlacedOrder = { charge: Charge; invoice: Invoice };

/** Checkout's last step: capture the payment, then issue the invoice for the same order. */
export class OrderDesk {
  private readonly gateway: PaymentGateway;
  private readonly issued: Invoice[] = [];
  private invoiceSequence = 0;

  constructor(gateway: PaymentGateway) {
    this.gateway = gateway;
  }

  placeOrder(order: Order): PlacedOrder {
    validateOrder(order);
    const charge = this.gateway.charge(buildChargeRequest(order), order.placedOn);
    this.invoiceSequence += 1;
    const number = `INV-${order.placedOn.slice(0, 4)}-${String(this.invoiceSequence).padStart(5, '0')}`;
    // The invoice must show what the customer actually paid.
    const invoice = { ...buildInvoice(order, number, order.placedOn), totalCents: charge.amount };
    this.issued.push(invoice);
    return { charge, invoice };
  }

  invoicesIssuedOn(day: string): Invoice[] {
    return this.issued.filter((invoice) => invoice.issuedOn === day);
  }
}
