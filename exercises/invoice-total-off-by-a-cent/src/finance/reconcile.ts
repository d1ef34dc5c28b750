import { type Invoice } from '../billing/invoice';
import { type Cents, formatCents, sumCents } from '../billing/money';
import { type SettlementEntry } from '../payments/gateway';

export type AmountMismatch = {
  invoiceNumber: string;
  orderId: string;
  paymentId: string;
  invoicedCents: Cents;
  settledCents: Cents;
};

export type ReconciliationReport = {
  day: string;
  matched: number;
  mismatches: AmountMismatch[];
  /** Invoices with no settled payment for their order. */
  unpaid: string[];
  /** Settled payments whose order has no invoice. */
  unexplained: string[];
  invoicedCents: Cents;
  settledCents: Cents;
};

/** Nightly job: every invoice of the day must match one settled payment to the cent. */
export function reconcileDay(day: string, invoices: readonly Invoice[], settlement: readonly SettlementEntry[]): ReconciliationReport {
  const paymentsByOrder = new Map(settlement.map((entry) => [entry.reference, entry]));
  const invoicedOrders = new Set<string>();
  const report: ReconciliationReport = {
    day,
    matched: 0,
    mismatches: [],
    unpaid: [],
    unexplained: [],
    invoicedCents: sumCents(invoices.map((invoice) => invoice.totalCents)),
    settledCents: sumCents(settlement.map((entry) => entry.grossAmount)),
  };

  for (const invoice of invoices) {
    invoicedOrders.add(invoice.orderId);
    const payment = paymentsByOrder.get(invoice.orderId);
    if (!payment) {
      report.unpaid.push(invoice.number);
    } else if (payment.grossAmount === invoice.totalCents) {
      report.matched += 1;
    } else {
      report.mismatches.push({
        invoiceNumber: invoice.number,
        orderId: invoice.orderId,
        paymentId: payment.paymentId,
        invoicedCents: invoice.totalCents,
        settledCents: payment.grossAmount,
      });
    }
  }
  for (const entry of settlement) {
    if (!invoicedOrders.has(entry.reference)) report.unexplained.push(entry.paymentId);
  }
  return report;
}

export function formatReport(report: ReconciliationReport): string {
  const lines = [
    `reconciliation ${report.day}: ${report.matched} matched, ${report.mismatches.length} mismatched, ` +
      `${report.unpaid.length} unpaid, ${report.unexplained.length} unexplained`,
    `invoiced ${formatCents(report.invoicedCents)} EUR, settled ${formatCents(report.settledCents)} EUR`,
  ];
  for (const m of report.mismatches) {
    lines.push(
      `MISMATCH ${m.invoiceNumber} order=${m.orderId} payment=${m.paymentId} ` +
        `invoiced=${formatCents(m.invoicedCents)} settled=${formatCents(m.settledCents)}`,
    );
  }
  return lines.join('\n');
}
