// The client checkout uses to reserve stock in Stockroom. This is the design you own.
import { type FulfilmentCentre, OutOfStockError, type ReservationLine, type Stockroom, StockroomError } from '../warehouse/stockroom'
import { AttemptTimedOut, CircuitBreaker, RetryBudget, backoffMs, withTimeout } from './resilience'

export type InventoryClientOptions = {
  stockroom: Stockroom
  /** Which process this is ('checkout-2'), for the logs. */
  node?: string
  log?: (line: string) => void
}

export type ReserveRequest = { orderId: string; fulfilmentCentre: FulfilmentCentre; lines: ReservationLine[] }

export type ReserveOutcome =
  | { status: 'reserved'; reservationId: string; expiresAt: string }
  | { status: 'out-of-stock'; skus: string[] }
  /** Stockroom could not be reached or gave no answer: checkout asks the customer to try again. */
  | { status: 'unavailable'; reason: string }

// Checkout's p99 budget is 2.5 s; the reservation gets 2 s of it, whatever happens.
const DEADLINE_MS = 2_000
// A healthy reservation answers within 350 ms at p99, a slow one within a second or so: past 1.4 s this is
// mostly waiting for a stuck request, and what is left of the deadline may still fit a quick second try.
const ATTEMPT_TIMEOUT_MS = 1_400
// No attempt is started with less time than this left: it could not succeed, only add load.
const MIN_ATTEMPT_MS = 400
const BACKOFF_BASE_MS = 100
const BACKOFF_CAP_MS = 1_000
const MAX_ATTEMPTS = 3
// Retries add at most 20 % to what this process sends, with 10 saved up for a blip.
const RETRY_RATIO = 0.2
const RETRY_SAVINGS = 10

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// One instance per process, created at start-up and shared by every request.
export class InventoryClient {
  private readonly stockroom: Stockroom
  private readonly node: string
  private readonly log: (line: string) => void
  private readonly budget = new RetryBudget(RETRY_RATIO, RETRY_SAVINGS)
  private calls = 0
  // One breaker per centre: each centre has its own database, and one centre's outage must not close the others.
  private readonly breakers = new Map<FulfilmentCentre, CircuitBreaker>()

  constructor(options: InventoryClientOptions) {
    this.stockroom = options.stockroom
    this.node = options.node ?? 'local'
    this.log = options.log ?? (() => {})
  }

  async reserve(request: ReserveRequest): Promise<ReserveOutcome> {
    const { orderId, fulfilmentCentre, lines } = request
    const deadline = Date.now() + DEADLINE_MS
    // One key per reservation call, shared by its attempts: a retry after a lost answer gets the first reservation back.
    const idempotencyKey = `reserve:${orderId}:${this.node}:${++this.calls}`
    const breaker = this.breakerFor(fulfilmentCentre)
    this.budget.earn()
    let reason = 'Stockroom did not answer'
    for (let attempt = 1; ; attempt++) {
      if (!breaker.allow()) {
        if (attempt === 1) reason = `${fulfilmentCentre} keeps failing; not calling it for a few seconds`
        break
      }
      try {
        const remaining = deadline - Date.now()
        const reservation = await withTimeout(this.stockroom.reserve({ orderId, fulfilmentCentre, lines, idempotencyKey }), Math.min(ATTEMPT_TIMEOUT_MS, remaining))
        breaker.succeeded()
        return { status: 'reserved', reservationId: reservation.reservationId, expiresAt: reservation.expiresAt }
      } catch (error) {
        if (error instanceof OutOfStockError) {
          breaker.succeeded()
          return { status: 'out-of-stock', skus: error.skus }
        }
        breaker.failed()
        if (!(error instanceof StockroomError) && !(error instanceof AttemptTimedOut)) throw error
        reason = error.message
        this.log(`${this.node} ${orderId} attempt ${attempt} at ${fulfilmentCentre} failed: ${reason}`)
        // Every gateway worker is busy: another call now is part of the problem. Give the answer back instead.
        if (error instanceof StockroomError && error.retryAfterMs !== undefined) break
        if (attempt >= MAX_ATTEMPTS) break
        const wait = backoffMs(attempt, BACKOFF_BASE_MS, BACKOFF_CAP_MS)
        if (deadline - Date.now() - wait < MIN_ATTEMPT_MS) break
        if (!this.budget.trySpend()) break
        await sleep(wait)
      }
    }
    return { status: 'unavailable', reason }
  }

  private breakerFor(centre: FulfilmentCentre) {
    let breaker = this.breakers.get(centre)
    if (!breaker) {
      // Judged on the last ten calls: at least five of them, and three in five failed. A healthy centre fails
      // about one call in two hundred, a browning-out one about one in four: neither opens it.
      breaker = new CircuitBreaker({ window: 10, minCalls: 5, failureRatio: 0.6, openMs: 2_000, maxOpenMs: 10_000 })
      this.breakers.set(centre, breaker)
    }
    return breaker
  }
}
