// Client-side view of the card payment gateway.

export type ChargeRequest = {
  customerId: string
  amountCents: number
  currency: string
  // Shown on the customer's statement and in the gateway dashboard.
  reference: string
}

export type ChargeResult = { chargeId: string }

export interface PaymentGateway {
  charge(request: ChargeRequest): Promise<ChargeResult>
}

// The card was refused. Final: retrying will not help.
export class CardDeclinedError extends Error {
  readonly reason: string
  constructor(reason: string) {
    super(`card declined: ${reason}`)
    this.name = 'CardDeclinedError'
    this.reason = reason
  }
}

// The gateway could not be reached or answered 5xx. The card was not charged
// and the request can be retried later.
export class GatewayUnavailableError extends Error {
  constructor(message = 'payment gateway unavailable') {
    super(message)
    this.name = 'GatewayUnavailableError'
  }
}
