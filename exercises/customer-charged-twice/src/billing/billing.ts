import { CardDeclinedError, type PaymentGateway } from './gateway'
import type { Ledger } from './ledger'

export type OrderToCharge = {
  orderId: string
  customerId: string
  amountCents: number
  currency: string
}

export type ChargeOutcome = { status: 'charged'; chargeId: string } | { status: 'declined'; reason: string }

// Charges a completed checkout to the customer's saved card and writes the
// result to the ledger. GatewayUnavailableError is passed on to the caller:
// nothing was charged and nothing is recorded.
export class BillingService {
  private readonly gateway: PaymentGateway
  private readonly ledger: Ledger

  constructor(gateway: PaymentGateway, ledger: Ledger) {
    this.gateway = gateway
    this.ledger = ledger
  }

  async chargeOrder(order: OrderToCharge): Promise<ChargeOutcome> {
    const base = { orderId: order.orderId, customerId: order.customerId, amountCents: order.amountCents }
    try {
      const { chargeId } = await this.gateway.charge({
        customerId: order.customerId,
        amountCents: order.amountCents,
        currency: order.currency,
        reference: `Order ${order.orderId}`,
      })
      this.ledger.record({ kind: 'charge', ...base, chargeId, at: new Date().toISOString() })
      return { status: 'charged', chargeId }
    } catch (error) {
      if (error instanceof CardDeclinedError) {
        this.ledger.record({ kind: 'charge_failed', ...base, reason: error.reason, at: new Date().toISOString() })
        return { status: 'declined', reason: error.reason }
      }
      throw error
    }
  }
}
