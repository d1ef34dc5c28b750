import { ExpiringMap } from '../cache/expiringMap'
import { availabilityKey, seatMapKey } from '../cache/keys'
import { type Logger } from '../logger'
import { findSection, seatId, seatsOf } from '../venue/layout'
import { type SeatInventory } from './inventory'

export type SeatView = { id: string; row: string; number: number; status: 'free' | 'sold'; priceCents: number }

export type SectionMap = { eventId: string; sectionId: string; name: string; seats: SeatView[]; freeCount: number }

export type Availability = { eventId: string; freeSeats: number; bySection: Record<string, number> }

export type CachedView = SectionMap | Availability

/** Seat maps are rendered for every visitor, so they live in the cache for five minutes. */
export const VIEW_LIFETIME_MS = 5 * 60_000

/** What the storefront shows: the seat map of a section and the event page's availability. */
export class SeatMaps {
  private readonly inventory: SeatInventory
  private readonly cache: ExpiringMap<CachedView>
  private readonly logger: Logger

  constructor(inventory: SeatInventory, cache: ExpiringMap<CachedView>, logger: Logger) {
    this.inventory = inventory
    this.cache = cache
    this.logger = logger
  }

  sectionMap(eventId: string, sectionId: string): SectionMap {
    const key = seatMapKey(eventId, sectionId)
    const cached = this.cache.lookup(key) as SectionMap | undefined
    if (cached) {
      this.logger.debug('seat map from cache', { eventId, sectionId })
      return cached
    }
    const map = this.renderSection(eventId, sectionId)
    this.cache.store(key, map)
    return map
  }

  availability(eventId: string): Availability {
    const key = availabilityKey(eventId)
    const cached = this.cache.lookup(key) as Availability | undefined
    if (cached) return cached

    const event = this.inventory.getEvent(eventId)
    const bySection: Record<string, number> = {}
    for (const section of event.layout.sections) {
      bySection[section.id] = seatsOf(section).filter((seat) => !this.inventory.soldIn(eventId, seat)).length
    }
    const freeSeats = Object.values(bySection).reduce((sum, n) => sum + n, 0)
    const availability = { eventId, freeSeats, bySection }
    this.cache.store(key, availability)
    return availability
  }

  private renderSection(eventId: string, sectionId: string): SectionMap {
    const event = this.inventory.getEvent(eventId)
    const section = findSection(event.layout, sectionId)
    if (!section) throw new Error(`event ${eventId} has no section ${sectionId}`)
    const seats: SeatView[] = seatsOf(section).map((seat) => ({
      id: seatId(seat),
      row: seat.row,
      number: seat.number,
      status: this.inventory.soldIn(eventId, seat) ? 'sold' : 'free',
      priceCents: event.prices[section.tier],
    }))
    const freeCount = seats.filter((seat) => seat.status === 'free').length
    return { eventId, sectionId, name: section.name, seats, freeCount }
  }
}
