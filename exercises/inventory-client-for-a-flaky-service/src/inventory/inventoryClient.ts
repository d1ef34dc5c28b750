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

/** Attempts per reservation, the first one included. */
const MAX_ATTEMPTS = 3
/** Pause between attempts, so that a blip has a moment to pass. */
const RETRY_PAUSE_MS = 200

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// One instance per process, created at start-up and shared by every request.
export class InventoryClient {
  private readonly stockroom: Stockroom
  private readonly node: string
  private readonly log: (line: string) => void

  constructor(options: InventoryClientOptions) {
    this.stockroom = options.stockroom
    this.node = options.node ?? 'local'
    this.log = options.log ?? (() => {})
  }

  async reserve(request: ReserveRequest): Promise<ReserveOutcome> {
    const { orderId, fulfilmentCentre, lines } = request
    let lastError: StockroomError | undefined
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        const reservation = await this.stockroom.reserve({ orderId, fulfilmentCentre, lines })
        return { status: 'reserved', reservationId: reservation.reservationId, expiresAt: reservation.expiresAt }
      } catch (error) {
        // Sold out is an answer, not a failure: nothing to retry.
        if (error instanceof OutOfStockError) {
          return { status: 'out-of-stock', skus: error.skus }
        }
        if (!(error instanceof StockroomError)) throw error
        lastError = error
        this.log(`${this.node} ${orderId} attempt ${attempt}/${MAX_ATTEMPTS} at ${fulfilmentCentre} failed: ${error.message}`)
        if (attempt < MAX_ATTEMPTS) await sleep(RETRY_PAUSE_MS)
      }
    }
    return { status: 'unavailable', reason: lastError ? lastError.message : 'Stockroom did not answer' }
  }
}
