import { type Segment } from '../bookings/booking';

export type RefundRequest = {
  paymentId: string;
  amountCents: number;
  /** Shown on the traveller's card statement. */
  statementText: string;
};

export type ProviderRefund = { refundId: string; amountCents: number; at: number };

/** Client of the payment service provider. */
export type PaymentsClient = {
  /** Refunds part or all of a captured payment. Every call that resolves has moved money back to the card. */
  refund(request: RefundRequest): Promise<{ refundId: string }>;
  /** Every refund the provider has made against a payment, oldest first. */
  listRefunds(paymentId: string): Promise<ProviderRefund[]>;
};

/** The provider refused the refund; `code` is theirs, e.g. "refund_exceeds_capture", "payment_not_found". */
export class RefundRejectedError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'RefundRejectedError';
    this.code = code;
  }
}

/**
 * Cancels a reservation with the airline, hotel or transfer company. Releasing a
 * reservation that is already released succeeds (suppliers answer "already cancelled").
 */
export type SupplierClient = {
  release(segment: Segment): Promise<void>;
};

export class SupplierUnavailableError extends Error {
  readonly supplier: string;

  constructor(supplier: string) {
    super(`supplier ${supplier} is unavailable`);
    this.name = 'SupplierUnavailableError';
    this.supplier = supplier;
  }
}

export type Email = { to: string; subject: string; text: string };

export type Mailer = {
  send(email: Email): Promise<void>;
};
