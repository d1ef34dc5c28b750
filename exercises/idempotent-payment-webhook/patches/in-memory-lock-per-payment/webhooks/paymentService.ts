import { type Clock, systemClock } from '../clock'
import type { Fulfilment } from '../orders/fulfilment'
import { type PaymentsApi, PaymentsUnavailableError } from '../payments/paymentsApi'
import type { Database } from '../storage/database'
import { InvalidEventError, isAuthorized, parseEvent, type WebhookDelivery, type WebhookResponse } from './events'

export type PaymentServiceDeps = {
  db: Database
  payments: PaymentsApi
  fulfilment: Fulfilment
  /** This server's clock. */
  clock?: Clock
  /** Which server this is ('eu-west-1a'), for the logs. */
  node?: string
  log?: (line: string) => void
}

export type PaymentRecord = {
  paymentId: string
  orderId: string
  status: 'captured'
  captureId: string
  capturedAt: number
}

// POST /webhooks/paybridge. Paybridge treats any 2xx as delivered and retries everything
// else, timeouts included; see the README for its delivery policy.
export class PaymentService {
  private readonly db: Database
  private readonly payments: PaymentsApi
  private readonly fulfilment: Fulfilment
  private readonly clock: Clock
  private readonly node: string
  private readonly log: (line: string) => void
  /** Payments this server is capturing right now: a duplicate that arrives meanwhile is asked to retry. */
  private readonly inFlight = new Set<string>()

  constructor(deps: PaymentServiceDeps) {
    this.db = deps.db
    this.payments = deps.payments
    this.fulfilment = deps.fulfilment
    this.clock = deps.clock ?? systemClock
    this.node = deps.node ?? 'local'
    this.log = deps.log ?? (() => {})
  }

  async handleWebhook(delivery: WebhookDelivery): Promise<WebhookResponse> {
    let event
    try {
      event = parseEvent(delivery.body)
    } catch (error) {
      if (error instanceof InvalidEventError) return { status: 400, body: { error: error.message } }
      throw error
    }
    if (!isAuthorized(event)) return { status: 204 }
    const { paymentId, orderId, amountCents } = event.data

    if (this.inFlight.has(paymentId)) return { status: 409, body: { error: 'this payment is being processed, retry later' } }
    this.inFlight.add(paymentId)
    try {
      return await this.captureOnce(event.id, paymentId, orderId, amountCents)
    } finally {
      this.inFlight.delete(paymentId)
    }
  }

  private async captureOnce(eventId: string, paymentId: string, orderId: string, amountCents: number): Promise<WebhookResponse> {
    const existing = await this.db.get<PaymentRecord>('payments', paymentId)
    if (existing) {
      this.log(`${this.node} ${eventId} ${paymentId} already captured`)
      return { status: 200, body: { captureId: existing.captureId } }
    }

    let capture
    try {
      capture = await this.payments.capture({ paymentId, amountCents, idempotencyKey: `capture:${paymentId}` })
    } catch (error) {
      if (error instanceof PaymentsUnavailableError) {
        this.log(`${this.node} ${eventId} ${paymentId} payments API unavailable, asking Paybridge to retry`)
        return { status: 503, body: { error: 'payments API unavailable, retry later' } }
      }
      throw error
    }
    const record: PaymentRecord = { paymentId, orderId, status: 'captured', captureId: capture.captureId, capturedAt: this.clock.now() }
    await this.db.put('payments', paymentId, record)
    await this.fulfilment.release({ orderId, paymentId })
    this.log(`${this.node} ${eventId} ${paymentId} captured ${capture.captureId}, order ${orderId} released`)
    return { status: 200, body: { captureId: capture.captureId } }
  }
}
