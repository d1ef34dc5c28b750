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
  // One gateway call per order at a time: a second request for an order whose
  // charge is still running waits for that charge and gets its outcome.
  private readonly inFlight = new Map<string, Promise<ChargeOutcome>>()

  constructor(gateway: PaymentGateway, ledger: Ledger) {
    this.gateway = gateway
    this.ledger = ledger
  }

  chargeOrder(order: OrderToCharge): Promise<ChargeOutcome> {
    const running = this.inFlight.get(order.orderId)
    if (running) return running

    const settled = this.settledOutcome(order.orderId)
    if (settled) return Promise.resolve(settled)

    const charging = this.charge(order).finally(() => this.inFlight.delete(order.orderId))
    this.inFlight.set(order.orderId, charging)
    return charging
  }

  // What the ledger already says about the order, if it was charged or declined.
  private settledOutcome(orderId: string): ChargeOutcome | undefined {
    for (const entry of this.ledger.entriesFor(orderId)) {
      if (entry.kind === 'charge') return { status: 'charged', chargeId: entry.chargeId }
      if (entry.kind === 'charge_failed') return { status: 'declined', reason: entry.reason }
    }
    return undefined
  }

  private async charge(order: OrderToCharge): Promise<ChargeOutcome> {
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
