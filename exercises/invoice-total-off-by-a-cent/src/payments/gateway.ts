import { type Cents, sumCents } from '../billing/money';
import { type ChargeRequest } from '../checkout/charge';

export type Charge = {
  paymentId: string;
  reference: string;
  amount: Cents;
  capturedOn: string;
};

/** One row of the provider's daily settlement file. */
export type SettlementEntry = {
  paymentId: string;
  reference: string;
  currency: 'EUR';
  grossAmount: Cents;
  feeAmount: Cents;
  netPayout: Cents;
};

/**
 * In-memory double of the payment provider, faithful to the parts we rely on: the
 * provider rejects a charge whose amount is not the sum of its lines, captures
 * immediately, and settles each capture in full minus a fee of 1.4% + 0.25 EUR.
 */
export class PaymentGateway {
  private readonly charges: Charge[] = [];

  charge(request: ChargeRequest, capturedOn: string): Charge {
    if (!Number.isInteger(request.amount) || request.amount <= 0) {
      throw new Error(`provider: invalid amount ${request.amount} for ${request.reference}`);
    }
    const linesTotal = sumCents(request.lines.map((line) => line.amount));
    if (linesTotal !== request.amount) {
      throw new Error(`provider: amount ${request.amount} does not match order lines (${linesTotal}) for ${request.reference}`);
    }
    const charge = {
      paymentId: `pay_${String(this.charges.length + 1).padStart(6, '0')}`,
      reference: request.reference,
      amount: request.amount,
      capturedOn,
    };
    this.charges.push(charge);
    return { ...charge };
  }

  settlementReport(day: string): SettlementEntry[] {
    return this.charges
      .filter((charge) => charge.capturedOn === day)
      .map((charge) => {
        const feeAmount = Math.round(charge.amount * 0.014) + 25;
        return {
          paymentId: charge.paymentId,
          reference: charge.reference,
          currency: 'EUR' as const,
          grossAmount: charge.amount,
          feeAmount,
          netPayout: charge.amount - feeAmount,
        };
      });
  }
}
