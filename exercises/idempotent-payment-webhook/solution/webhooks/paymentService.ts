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

// One row per payment, whatever event or delivery brought it: the payment is what must be
// charged once and shipped once, so it is the key. The row moves capturing → captured →
// released, or is canceled before any of that; every step is a conditional write in the
// shared database, so two deliveries on two servers cannot both take the same step.
type Capturing = { paymentId: string; orderId: string; status: 'capturing'; claim: string }
type Captured = { paymentId: string; orderId: string; status: 'captured'; claim: string; captureId: string }
type Released = { paymentId: string; orderId: string; status: 'released'; captureId: string; releasedAt: number }
type Canceled = { paymentId: string; orderId: string; status: 'canceled'; reason: string }
export type PaymentRecord = Capturing | Captured | Released | Canceled

const TABLE = 'payments'

// POST /webhooks/paybridge. Paybridge treats any 2xx as delivered and retries everything
// else, timeouts included; see the README for its delivery policy.
export class PaymentService {
  private readonly db: Database
  private readonly payments: PaymentsApi
  private readonly fulfilment: Fulfilment
  private readonly clock: Clock
  private readonly node: string
  private readonly log: (line: string) => void
  private claims = 0

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
    return this.captureOnce(event)
  }

  private async captureOnce(event: PaymentAuthorized): Promise<WebhookResponse> {
    const { paymentId, orderId, amountCents } = event.data
    // The claim names this attempt, so only the attempt that took it can move the row on or give it back.
    const claim = `${this.node}:${++this.claims}`
    const claimed = await this.db.insertIfAbsent(TABLE, paymentId, { paymentId, orderId, status: 'capturing', claim })
    if (!claimed) return this.answerExisting(event)

    let captureId
    try {
      // Retrying with the same key after a lost answer returns the first capture instead of charging again.
      const capture = await this.payments.capture({ paymentId, amountCents, idempotencyKey: `capture:${paymentId}` })
      captureId = capture.captureId
    } catch (error) {
      // Give the claim back, so Paybridge's retry can capture: the key makes that safe even if this one went through.
      await this.db.deleteIf(TABLE, paymentId, { status: 'capturing', claim })
      if (error instanceof PaymentsUnavailableError) {
        this.log(`${this.node} ${event.id} ${paymentId} payments API unavailable, asking Paybridge to retry`)
        return { status: 503, body: { error: 'payments API unavailable, retry later' } }
      }
      throw error
    }
    await this.db.update(TABLE, paymentId, { paymentId, orderId, status: 'captured', claim, captureId }, { status: 'capturing', claim })
    await this.fulfilment.release({ orderId, paymentId })
    await this.db.update(TABLE, paymentId, { paymentId, orderId, status: 'released', captureId, releasedAt: this.clock.now() }, { status: 'captured', claim })
    this.log(`${this.node} ${event.id} ${paymentId} captured ${captureId}, order ${orderId} released`)
    return { status: 200, body: { captureId } }
  }

  private async answerExisting(event: PaymentAuthorized): Promise<WebhookResponse> {
    const record = await this.db.get<PaymentRecord>(TABLE, event.data.paymentId)
    switch (record?.status) {
      case 'released':
        return { status: 200, body: { captureId: record.captureId, duplicate: true } }
      case 'canceled':
        this.log(`${this.node} ${event.id} ${event.data.paymentId} was canceled before it was captured; not charging`)
        return { status: 200, body: { canceled: true } }
      default:
        // Another delivery is capturing right now (or gave its claim back a moment ago): ask for a retry
        // rather than acknowledge an outcome nobody knows yet.
        return { status: 409, body: { error: 'this payment is being processed, retry later' } }
    }
  }

  private async cancel(event: PaymentCanceled): Promise<WebhookResponse> {
    const { paymentId, orderId, reason } = event.data
    // A cancellation can overtake its authorization: the row it leaves behind stops the later capture.
    const recorded = await this.db.insertIfAbsent(TABLE, paymentId, { paymentId, orderId, status: 'canceled', reason })
    if (!recorded) {
      const record = await this.db.get<PaymentRecord>(TABLE, paymentId)
      if (record && record.status !== 'canceled') {
        this.log(`${this.node} ${event.id} ${paymentId} canceled after the capture started; support refunds it`)
      }
    }
    return { status: 200, body: { canceled: true } }
  }
}
