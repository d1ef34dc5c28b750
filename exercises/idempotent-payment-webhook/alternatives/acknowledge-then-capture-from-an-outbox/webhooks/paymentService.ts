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

// Acknowledge at once, capture later. The webhook only writes the payment into the outbox
// (one row per payment in the shared database) and answers 202; a worker on the server that
// wrote it then captures and releases, in the background, at its own pace. Paybridge never
// waits on the payments API, so its timeout and retries stop mattering: a duplicate or a
// replay finds the row and is acknowledged too.
//
// The row goes pending → working (leased to one worker) → captured → released, or to
// canceled while nobody has started on it. Every step is a compare-and-set on the row, and
// leases are read against the database's clock, never a server's own.
type Pending = { paymentId: string; orderId: string; amountCents: number; status: 'pending'; tries: number }
type Working = { paymentId: string; orderId: string; amountCents: number; status: 'working'; tries: number; lease: string; leaseUntil: number }
type Captured = { paymentId: string; orderId: string; status: 'captured'; lease: string; captureId: string }
type Released = { paymentId: string; orderId: string; status: 'released'; captureId: string }
type Canceled = { paymentId: string; orderId: string; status: 'canceled'; reason: string }
export type PaymentRecord = Pending | Working | Captured | Released | Canceled

const OUTBOX = 'payment_outbox'
/** How long a worker may hold a payment before another server may take it over. */
const LEASE_MS = 60_000
/** Waits between capture attempts while the payments API fails: 1 s, 2 s, 4 s … up to 30 s. */
const backoffMs = (tries: number) => Math.min(30_000, 1_000 * 2 ** Math.min(tries, 5))

// POST /webhooks/paybridge. Paybridge treats any 2xx as delivered and retries everything
// else, timeouts included; see the README for its delivery policy.
export class PaymentService {
  private readonly db: Database
  private readonly payments: PaymentsApi
  private readonly fulfilment: Fulfilment
  private readonly clock: Clock
  private readonly node: string
  private readonly log: (line: string) => void
  private leases = 0

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
    return this.enqueue(event)
  }

  private async enqueue(event: PaymentAuthorized): Promise<WebhookResponse> {
    const { paymentId, orderId, amountCents } = event.data
    const row: Pending = { paymentId, orderId, amountCents, status: 'pending', tries: 0 }
    if (await this.db.insertIfAbsent(OUTBOX, paymentId, row)) {
      this.schedule(paymentId, 0)
      return { status: 202, body: { queued: true } }
    }
    // Seen before, under this event id or another. If the worker that holds it has gone
    // quiet past its lease, this server takes the payment over.
    const existing = await this.db.get<PaymentRecord>(OUTBOX, paymentId)
    if (existing?.status === 'pending' || (existing?.status === 'working' && existing.leaseUntil < (await this.db.now()))) {
      this.schedule(paymentId, 0)
    }
    return { status: 202, body: { queued: true, duplicate: true } }
  }

  private async cancel(event: PaymentCanceled): Promise<WebhookResponse> {
    const { paymentId, orderId, reason } = event.data
    const canceled: Canceled = { paymentId, orderId, status: 'canceled', reason }
    // Before the authorization: the row waits for it and stops it. After it, but before any
    // worker started: the payment is taken out of the outbox.
    if (await this.db.insertIfAbsent(OUTBOX, paymentId, canceled)) return { status: 200, body: { canceled: true } }
    const existing = await this.db.get<PaymentRecord>(OUTBOX, paymentId)
    if (existing?.status === 'pending' && (await this.db.update(OUTBOX, paymentId, canceled, { status: 'pending', tries: existing.tries }))) {
      return { status: 200, body: { canceled: true } }
    }
    if (existing && existing.status !== 'canceled') this.log(`${this.node} ${event.id} ${paymentId} canceled after the capture started; support refunds it`)
    return { status: 200, body: { canceled: true } }
  }

  private schedule(paymentId: string, delayMs: number) {
    setTimeout(() => {
      this.work(paymentId).catch((error) => this.log(`${this.node} ${paymentId} worker failed: ${String(error)}`))
    }, delayMs)
  }

  /** The outbox worker: takes the lease on one payment, captures it, releases its order. */
  private async work(paymentId: string): Promise<void> {
    const row = await this.db.get<PaymentRecord>(OUTBOX, paymentId)
    if (!row || (row.status !== 'pending' && row.status !== 'working')) return
    const now = await this.db.now()
    if (row.status === 'working' && row.leaseUntil >= now) return
    const lease = `${this.node}:${++this.leases}`
    const { orderId, amountCents, tries } = row
    const working: Working = { paymentId, orderId, amountCents, status: 'working', tries: tries + 1, lease, leaseUntil: now + LEASE_MS }
    const expected = row.status === 'pending' ? { status: 'pending', tries } : { status: 'working', lease: row.lease }
    if (!(await this.db.update(OUTBOX, paymentId, working, expected))) return

    let captureId
    try {
      // The key is the payment: whichever worker or attempt captures it, Paybridge charges once.
      const capture = await this.payments.capture({ paymentId, amountCents, idempotencyKey: `capture:${paymentId}` })
      captureId = capture.captureId
    } catch (error) {
      if (!(error instanceof PaymentsUnavailableError)) throw error
      const back: Pending = { paymentId, orderId, amountCents, status: 'pending', tries: tries + 1 }
      if (await this.db.update(OUTBOX, paymentId, back, { status: 'working', lease })) {
        this.log(`${this.node} ${paymentId} payments API unavailable, trying again in ${backoffMs(tries)} ms`)
        this.schedule(paymentId, backoffMs(tries))
      }
      return
    }
    // Only the holder of the lease moves on to the release: the roastery ships on every call.
    if (!(await this.db.update(OUTBOX, paymentId, { paymentId, orderId, status: 'captured', lease, captureId }, { status: 'working', lease }))) return
    await this.fulfilment.release({ orderId, paymentId })
    await this.db.update(OUTBOX, paymentId, { paymentId, orderId, status: 'released', captureId }, { status: 'captured', lease })
    this.log(`${this.node} ${paymentId} captured ${captureId}, order ${orderId} released at ${this.clock.now()}`)
  }
}
