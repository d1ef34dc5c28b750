import { type Clock, systemClock } from '../clock'
import type { Fulfilment } from '../orders/fulfilment'
import { type PaymentsApi, PaymentsUnavailableError } from '../payments/paymentsApi'
import type { Database } from '../storage/database'
import { InvalidEventError, isAuthorized, isCanceled, parseEvent, type PaymentAuthorized, type PaymentCanceled } from './events'
import type { WebhookDelivery, WebhookResponse } from './events'

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

// Two side effects, two owners of their idempotency. The charge is made idempotent where it
// happens: every delivery captures with the payment's own Idempotency-Key, and Paybridge
// answers the second and later requests with the first capture, for 24 hours. No lock is
// needed for it. The shipment has no such key, so it is guarded here: one row per payment,
// and only the delivery that moves it from authorized to shipping releases the order.
type Authorized = { paymentId: string; orderId: string; status: 'authorized' }
type Shipping = { paymentId: string; orderId: string; status: 'shipping'; captureId: string; shipper: string }
type Shipped = { paymentId: string; orderId: string; status: 'shipped'; captureId: string; shippedAt: number }
type Canceled = { paymentId: string; orderId: string; status: 'canceled'; reason: string }
export type PaymentRecord = Authorized | Shipping | Shipped | Canceled

const TABLE = 'payment_shipments'

// POST /webhooks/paybridge. Paybridge treats any 2xx as delivered and retries everything
// else, timeouts included; see the README for its delivery policy.
export class PaymentService {
  private readonly db: Database
  private readonly payments: PaymentsApi
  private readonly fulfilment: Fulfilment
  private readonly clock: Clock
  private readonly node: string
  private readonly log: (line: string) => void
  private shippers = 0

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
    if (isCanceled(event)) return this.cancel(event)
    if (!isAuthorized(event)) return { status: 204 }
    return this.captureAndShip(event)
  }

  private async captureAndShip(event: PaymentAuthorized): Promise<WebhookResponse> {
    const { paymentId, orderId, amountCents } = event.data
    const authorized: Authorized = { paymentId, orderId, status: 'authorized' }
    if (!(await this.db.insertIfAbsent(TABLE, paymentId, authorized))) {
      const done = await this.answerDone(paymentId)
      if (done) return done
    }

    let captureId
    try {
      const capture = await this.payments.capture({ paymentId, amountCents, idempotencyKey: `capture:${paymentId}` })
      captureId = capture.captureId
    } catch (error) {
      if (error instanceof PaymentsUnavailableError) {
        this.log(`${this.node} ${event.id} ${paymentId} payments API unavailable, asking Paybridge to retry`)
        return { status: 503, body: { error: 'payments API unavailable, retry later' } }
      }
      throw error
    }

    const shipper = `${this.node}:${++this.shippers}`
    if (!(await this.db.update(TABLE, paymentId, { paymentId, orderId, status: 'shipping', captureId, shipper }, { status: 'authorized' }))) {
      const done = await this.answerDone(paymentId)
      return done ?? { status: 409, body: { error: 'this payment is being shipped, retry later' } }
    }
    await this.fulfilment.release({ orderId, paymentId })
    await this.db.update(TABLE, paymentId, { paymentId, orderId, status: 'shipped', captureId, shippedAt: this.clock.now() }, { status: 'shipping', shipper })
    this.log(`${this.node} ${event.id} ${paymentId} captured ${captureId}, order ${orderId} released`)
    return { status: 200, body: { captureId } }
  }

  /** The answer for a payment that needs nothing more, or undefined while it does. */
  private async answerDone(paymentId: string): Promise<WebhookResponse | undefined> {
    const record = await this.db.get<PaymentRecord>(TABLE, paymentId)
    if (record?.status === 'shipped') return { status: 200, body: { captureId: record.captureId, duplicate: true } }
    if (record?.status === 'canceled') return { status: 200, body: { canceled: true } }
    if (record?.status === 'shipping') return { status: 409, body: { error: 'this payment is being shipped, retry later' } }
    return undefined
  }

  private async cancel(event: PaymentCanceled): Promise<WebhookResponse> {
    const { paymentId, orderId, reason } = event.data
    const canceled: Canceled = { paymentId, orderId, status: 'canceled', reason }
    // Before its authorization, the row stops it; after it, it still stops the shipment.
    if (await this.db.insertIfAbsent(TABLE, paymentId, canceled)) return { status: 200, body: { canceled: true } }
    if (!(await this.db.update(TABLE, paymentId, canceled, { status: 'authorized' }))) {
      const record = await this.db.get<PaymentRecord>(TABLE, paymentId)
      if (record && record.status !== 'canceled') this.log(`${this.node} ${event.id} ${paymentId} canceled after it shipped; support refunds it`)
    } else {
      this.log(`${this.node} ${event.id} ${paymentId} canceled; any capture made is refunded by support`)
    }
    return { status: 200, body: { canceled: true } }
  }
}
