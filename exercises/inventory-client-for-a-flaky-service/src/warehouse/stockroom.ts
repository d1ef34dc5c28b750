// Client interface of Stockroom, the warehouse team's reservation API (POST /v3/reservations).
// It belongs to the warehouse team: keep it as it is.
//
// One gateway (a pool of worker threads shared by every consumer) fronts the stock databases
// of our four fulfilment centres; each centre has its own database.

export type FulfilmentCentre = 'fc-leipzig' | 'fc-hamburg' | 'fc-ruhr' | 'fc-munich'

export type ReservationLine = { sku: string; quantity: number }

export type ReservationRequest = {
  /** Our order id; Stockroom stores it with the reservation for the pickers. */
  orderId: string
  /** The centre whose stock is reserved: the one that will ship the order. */
  fulfilmentCentre: FulfilmentCentre
  lines: ReservationLine[]
  /**
   * Sent as the Idempotency-Key header. Stockroom keeps keys for 24 hours: a request carrying
   * a key it has already applied returns that reservation instead of reserving again.
   * Without a key, every request that reaches a centre's database reserves.
   */
  idempotencyKey?: string
}

export type Reservation = {
  reservationId: string
  orderId: string
  fulfilmentCentre: FulfilmentCentre
  /** Stock is held for 30 minutes, until the order is picked or the hold lapses. */
  expiresAt: string
}

export interface Stockroom {
  /**
   * Reserves every line or none. Closing the connection does not stop the request: once it
   * has reached a worker, Stockroom finishes it whether or not anyone is still waiting.
   */
  reserve(request: ReservationRequest): Promise<Reservation>
}

/** 409 Conflict: some lines cannot be reserved. Nothing was reserved. An answer, not a failure. */
export class OutOfStockError extends Error {
  override name = 'OutOfStockError'
  readonly skus: string[]

  constructor(skus: string[]) {
    super(`out of stock: ${skus.join(', ')}`)
    this.skus = skus
  }
}

/**
 * Stockroom did not answer with a reservation.
 *
 * - 503: nothing was reserved. Either every gateway worker is busy (the gateway then answers
 *   at once, with Retry-After) or the centre's database is unavailable.
 * - 504: the gateway waited 30 s for the centre's database and gave up. The reservation may
 *   or may not have been made.
 * - 0: the connection dropped before the answer arrived. The reservation may or may not have
 *   been made.
 */
export class StockroomError extends Error {
  override name = 'StockroomError'
  readonly status: number
  /** From the Retry-After header, when Stockroom sent one. */
  readonly retryAfterMs: number | undefined

  constructor(status: number, message: string, retryAfterMs?: number) {
    super(status === 0 ? message : `${status} ${message}`)
    this.status = status
    this.retryAfterMs = retryAfterMs
  }
}
