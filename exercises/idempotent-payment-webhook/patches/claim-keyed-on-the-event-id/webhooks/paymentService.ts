import { type Clock, systemClock } from '../clock'
import type { Fulfilment } from '../orders/fulfilment'
import { type PaymentsApi, PaymentsUnavailableError } from '../payments/paymentsApi'
import type { Database } from '../storage/database'
import { InvalidEventError, isAuthorized, parseEvent, type PaymentAuthorized, type WebhookDelivery, type WebhookResponse } from './events'

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

// One row per Paybridge event: its retries and duplicates carry the same event id, so the
// first delivery to insert the row captures and the others wait for its outcome.
type Processing = { eventId: string; paymentId: string; status: 'processing'; claim: string }
type Done = { eventId: string; paymentId: string; status: 'done'; captureId: string; processedAt: number }
export type EventRecord = Processing | Done

const TABLE = 'processed_events'

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
    if (!isAuthorized(event)) return { status: 204 }
    return this.processOnce(event)
  }

  private async processOnce(event: PaymentAuthorized): Promise<WebhookResponse> {
    const { paymentId, orderId, amountCents } = event.data
    const claim = `${this.node}:${++this.claims}`
    if (!(await this.db.insertIfAbsent(TABLE, event.id, { eventId: event.id, paymentId, status: 'processing', claim }))) {
      const record = await this.db.get<EventRecord>(TABLE, event.id)
      if (record?.status === 'done') return { status: 200, body: { captureId: record.captureId, duplicate: true } }
      return { status: 409, body: { error: 'this event is being processed, retry later' } }
    }

    let captureId
    try {
      const capture = await this.payments.capture({ paymentId, amountCents, idempotencyKey: `capture:${event.id}` })
      captureId = capture.captureId
    } catch (error) {
      await this.db.deleteIf(TABLE, event.id, { status: 'processing', claim })
      if (error instanceof PaymentsUnavailableError) {
        this.log(`${this.node} ${event.id} ${paymentId} payments API unavailable, asking Paybridge to retry`)
        return { status: 503, body: { error: 'payments API unavailable, retry later' } }
      }
      throw error
    }
    await this.fulfilment.release({ orderId, paymentId })
    await this.db.update(TABLE, event.id, { eventId: event.id, paymentId, status: 'done', captureId, processedAt: this.clock.now() }, { status: 'processing', claim })
    this.log(`${this.node} ${event.id} ${paymentId} captured ${captureId}, order ${orderId} released`)
    return { status: 200, body: { captureId } }
  }
}
