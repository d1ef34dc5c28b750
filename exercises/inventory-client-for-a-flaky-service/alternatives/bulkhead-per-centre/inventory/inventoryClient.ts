// The client checkout uses to reserve stock in Stockroom. This is the design you own.
import { type FulfilmentCentre, OutOfStockError, type ReservationLine, type Stockroom, StockroomError } from '../warehouse/stockroom'

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

// What the customer waits for the reservation, out of checkout's 2.5 s p99.
const DEADLINE_MS = 2_000
// Longer than a healthy or merely slow reservation takes; shorter than the deadline, so one retry may fit.
const ATTEMPT_TIMEOUT_MS = 1_400
// A retry needs at least this much of the deadline left to be worth sending.
const MIN_ATTEMPT_MS = 400
// Requests this process may have outstanding at one centre, counted until Stockroom finishes
// them, not until we stop waiting: a request we gave up on still holds a gateway worker and a
// database connection. A healthy centre needs one or two at a time from one process; four per
// centre lets a hanging centre hold at most a quarter of what our pods may hold at the gateway.
const OUTSTANDING_PER_CENTRE = 4

class CentreBusy extends Error {
  override name = 'CentreBusy'
}
class AttemptTimedOut extends Error {
  override name = 'AttemptTimedOut'
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// A bulkhead per centre instead of a breaker: this process never has more than a few requests
// outstanding at any one centre, whatever happens there. When a centre hangs, its requests
// stay outstanding for the gateway's 30 s and its checkouts are refused at once without a
// call, while the other centres, and the gateway's workers they need, are untouched. When it
// comes back, requests finish fast and the bulkhead lets traffic through again, with no state
// to reset. Nothing is remembered about failures, so there is nothing to tune per incident.
// The only retry is after a quick failure that reserved nothing or lost its answer, with the
// same key; a 503 with Retry-After keeps this process away from the gateway for that long.
export class InventoryClient {
  private readonly stockroom: Stockroom
  private readonly node: string
  private readonly log: (line: string) => void
  private readonly outstanding = new Map<FulfilmentCentre, number>()
  /** Until when the gateway asked us to stay away (Retry-After on a 503: it has no workers left). */
  private quietUntil = 0

  constructor(options: InventoryClientOptions) {
    this.stockroom = options.stockroom
    this.node = options.node ?? 'local'
    this.log = options.log ?? (() => {})
  }

  async reserve(request: ReserveRequest): Promise<ReserveOutcome> {
    const { orderId, fulfilmentCentre, lines } = request
    const deadline = Date.now() + DEADLINE_MS
    // One order, one reservation: every attempt and every resubmission of the checkout, on any pod, sends the same key.
    const idempotencyKey = `reserve:${orderId}`
    let reason = 'Stockroom did not answer'
    for (let attempt = 1; attempt <= 2; attempt++) {
      try {
        const reservation = await this.send({ orderId, fulfilmentCentre, lines, idempotencyKey }, Math.min(ATTEMPT_TIMEOUT_MS, deadline - Date.now()))
        return { status: 'reserved', reservationId: reservation.reservationId, expiresAt: reservation.expiresAt }
      } catch (error) {
        if (error instanceof OutOfStockError) return { status: 'out-of-stock', skus: error.skus }
        if (!(error instanceof StockroomError) && !(error instanceof AttemptTimedOut) && !(error instanceof CentreBusy)) throw error
        reason = error.message
        this.log(`${this.node} ${orderId} attempt ${attempt} at ${fulfilmentCentre} failed: ${reason}`)
        // A full bulkhead or a gateway out of workers: more calls would only add to the pile. And a request we
        // stopped waiting for is still running at Stockroom: sending it again doubles the work of a slow database.
        if (error instanceof CentreBusy || error instanceof AttemptTimedOut || (error instanceof StockroomError && error.retryAfterMs !== undefined)) break
        const wait = Math.floor(Math.random() * 200)
        if (deadline - Date.now() - wait < MIN_ATTEMPT_MS) break
        await sleep(wait)
      }
    }
    return { status: 'unavailable', reason }
  }

  /** One call to Stockroom through the centre's bulkhead; waits at most timeoutMs for its answer. */
  private send(request: Parameters<Stockroom['reserve']>[0], timeoutMs: number) {
    const centre = request.fulfilmentCentre
    if (Date.now() < this.quietUntil) return Promise.reject(new CentreBusy(`Stockroom asked for ${this.quietUntil - Date.now()} ms of quiet; not calling it`))
    const inFlight = this.outstanding.get(centre) ?? 0
    if (inFlight >= OUTSTANDING_PER_CENTRE) return Promise.reject(new CentreBusy(`${centre} has ${inFlight} requests outstanding from ${this.node}; not adding another`))
    this.outstanding.set(centre, inFlight + 1)
    const call = this.stockroom.reserve(request)
    const release = () => this.outstanding.set(centre, (this.outstanding.get(centre) ?? 1) - 1)
    call.then(release, release)
    return new Promise<Awaited<typeof call>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new AttemptTimedOut(`no answer within ${timeoutMs} ms`)), timeoutMs)
      call.then(
        (reservation) => {
          clearTimeout(timer)
          resolve(reservation)
        },
        (error: unknown) => {
          clearTimeout(timer)
          if (error instanceof StockroomError && error.retryAfterMs !== undefined) this.quietUntil = Math.max(this.quietUntil, Date.now() + error.retryAfterMs)
          reject(error)
        },
      )
    })
  }
}
