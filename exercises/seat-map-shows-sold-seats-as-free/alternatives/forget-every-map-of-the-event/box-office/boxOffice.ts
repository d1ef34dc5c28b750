import { type ExpiringMap } from '../cache/expiringMap'
import { availabilityKey, seatMapKey } from '../cache/keys'
import { type Logger } from '../logger'
import { type SeatRef, parseSeatId, seatId } from '../venue/layout'
import { type Sale, type SeatInventory } from './inventory'
import { type CachedView } from './seatMaps'

export const MAX_SEATS_PER_ORDER = 8

export class SeatUnavailableError extends Error {
  readonly seatIds: string[]
  constructor(seatIds: string[]) {
    super(`seats no longer available: ${seatIds.join(', ')}`)
    this.name = 'SeatUnavailableError'
    this.seatIds = seatIds
  }
}

/** Checkout and refunds. Writes go to the inventory; cached views of it are dropped afterwards. */
export class BoxOffice {
  private readonly inventory: SeatInventory
  private readonly cache: ExpiringMap<CachedView>
  private readonly logger: Logger
  private orderCount = 0

  constructor(inventory: SeatInventory, cache: ExpiringMap<CachedView>, logger: Logger) {
    this.inventory = inventory
    this.cache = cache
    this.logger = logger
  }

  sell(eventId: string, seatIds: string[], buyer: string): Sale {
    if (seatIds.length === 0 || seatIds.length > MAX_SEATS_PER_ORDER) {
      throw new RangeError(`an order holds 1 to ${MAX_SEATS_PER_ORDER} seats, got ${seatIds.length}`)
    }
    const event = this.inventory.getEvent(eventId)
    const seats = [...new Set(seatIds)].map(parseSeatId)
    const unknown = seats.filter((seat) => !this.inventory.exists(eventId, seat))
    if (unknown.length > 0) throw new Error(`event ${eventId} has no seat ${unknown.map(seatId).join(', ')}`)

    const taken = seats.filter((seat) => this.inventory.soldIn(eventId, seat) !== undefined)
    if (taken.length > 0) {
      this.logger.warn('checkout refused', { eventId, buyer, taken: taken.map(seatId) })
      throw new SeatUnavailableError(taken.map(seatId))
    }

    let totalCents = 0
    for (const seat of seats) {
      const section = event.layout.sections.find((s) => s.id === seat.sectionId)!
      totalCents += event.prices[section.tier]
    }
    this.orderCount += 1
    const sale: Sale = { orderId: `ord_${eventId}_${this.orderCount}`, eventId, seatIds: seats.map(seatId), buyer, totalCents }
    this.inventory.recordSale(sale)
    this.dropCachedViews(eventId, seats)
    this.logger.info('checkout ok', { orderId: sale.orderId, eventId, seats: sale.seatIds.length, totalCents })
    return sale
  }

  refund(orderId: string): Sale {
    const sale = this.inventory.cancelSale(orderId)
    this.dropCachedViews(sale.eventId, sale.seatIds.map(parseSeatId))
    this.logger.info('refund ok', { orderId, eventId: sale.eventId, seats: sale.seatIds.length })
    return sale
  }

  private dropCachedViews(eventId: string, _seats: SeatRef[]): void {
    // Any seat change can alter a map, so every cached map of the event goes.
    const prefix = seatMapKey(eventId, '')
    for (const key of this.cache.keys()) {
      if (key.startsWith(prefix)) this.cache.forget(key)
    }
    this.cache.forget(availabilityKey(eventId))
  }
}
