import { type PriceTier, type SeatRef, type VenueLayout, hasSeat, seatId } from '../venue/layout'

export type EventListing = {
  id: string
  title: string
  startsAt: string
  layout: VenueLayout
  /** Face value per price tier, in cents. */
  prices: Record<PriceTier, number>
}

export type Sale = { orderId: string; eventId: string; seatIds: string[]; buyer: string; totalCents: number }

/**
 * Which seats of which event are sold. Stand-in for the ticketing database: the
 * source of truth every page and the checkout read from.
 */
export class SeatInventory {
  private readonly events = new Map<string, EventListing>()
  private readonly soldSeats = new Map<string, Map<string, string>>()
  private readonly sales = new Map<string, Sale>()

  addEvent(event: EventListing): void {
    if (this.events.has(event.id)) throw new Error(`event ${event.id} already exists`)
    this.events.set(event.id, event)
    this.soldSeats.set(event.id, new Map())
  }

  getEvent(eventId: string): EventListing {
    const event = this.events.get(eventId)
    if (!event) throw new Error(`unknown event ${eventId}`)
    return event
  }

  exists(eventId: string, seat: SeatRef): boolean {
    return hasSeat(this.getEvent(eventId).layout, seat)
  }

  /** The order a seat was sold in, or undefined while it is free. */
  soldIn(eventId: string, seat: SeatRef): string | undefined {
    return this.soldSeats.get(eventId)?.get(seatId(seat))
  }

  recordSale(sale: Sale): void {
    const sold = this.soldSeats.get(sale.eventId)
    if (!sold) throw new Error(`unknown event ${sale.eventId}`)
    for (const id of sale.seatIds) {
      if (sold.has(id)) throw new Error(`seat ${id} is already sold`)
    }
    for (const id of sale.seatIds) sold.set(id, sale.orderId)
    this.sales.set(sale.orderId, { ...sale, seatIds: [...sale.seatIds] })
  }

  getSale(orderId: string): Sale | undefined {
    const sale = this.sales.get(orderId)
    return sale ? { ...sale, seatIds: [...sale.seatIds] } : undefined
  }

  /** Cancels a sale: its seats become free again. */
  cancelSale(orderId: string): Sale {
    const sale = this.sales.get(orderId)
    if (!sale) throw new Error(`unknown order ${orderId}`)
    const sold = this.soldSeats.get(sale.eventId)!
    for (const id of sale.seatIds) sold.delete(id)
    this.sales.delete(orderId)
    return sale
  }
}
