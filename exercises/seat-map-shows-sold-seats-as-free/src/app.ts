import { ExpiringMap } from './cache/expiringMap'
import { BoxOffice } from './box-office/boxOffice'
import { type EventListing, SeatInventory } from './box-office/inventory'
import { type CachedView, SeatMaps, VIEW_LIFETIME_MS } from './box-office/seatMaps'
import { Logger } from './logger'

export type TicketingApp = {
  inventory: SeatInventory
  seatMaps: SeatMaps
  boxOffice: BoxOffice
  logger: Logger
}

/** Wires the box office the way production does: one inventory, one shared view cache. */
export function createTicketingApp(events: EventListing[] = []): TicketingApp {
  const logger = new Logger('debug')
  const inventory = new SeatInventory()
  for (const event of events) inventory.addEvent(event)
  const cache = new ExpiringMap<CachedView>(VIEW_LIFETIME_MS)
  return {
    inventory,
    seatMaps: new SeatMaps(inventory, cache, logger),
    boxOffice: new BoxOffice(inventory, cache, logger),
    logger,
  }
}
