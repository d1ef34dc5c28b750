import type { ProviderEvent } from '../provider/calendar-api';

export type Booking = { eventId: string; title: string; start: string; end: string; organizer: string };

export type ChangeCount = { added: number; updated: number; removed: number };

function toBooking(event: ProviderEvent): Booking | null {
  if (event.status !== 'confirmed' || !event.start || !event.end) return null;
  return { eventId: event.id, title: event.summary?.trim() || '(no title)', start: event.start, end: event.end, organizer: event.organizer ?? 'unknown' };
}

/** Our copy of each room's calendar, which the kiosks and the room finder read. */
export class BookingStore {
  private readonly byRoom = new Map<string, Map<string, Booking>>();

  /** Result of a full sync: the room's bookings become exactly these events. */
  replaceAll(roomId: string, events: ProviderEvent[]): number {
    const bookings = new Map<string, Booking>();
    for (const event of events) {
      const booking = toBooking(event);
      if (booking) bookings.set(booking.eventId, booking);
    }
    this.byRoom.set(roomId, bookings);
    return bookings.size;
  }

  /** Result of an incremental sync: only the events that changed. */
  applyChanges(roomId: string, events: ProviderEvent[]): ChangeCount {
    const bookings = this.byRoom.get(roomId) ?? new Map<string, Booking>();
    const count: ChangeCount = { added: 0, updated: 0, removed: 0 };
    for (const event of events) {
      const booking = toBooking(event);
      const known = bookings.has(event.id);
      if (booking === null) {
        if (known) count.removed += 1;
        bookings.delete(event.id);
      } else {
        bookings.set(event.id, booking);
        if (known) count.updated += 1;
        else count.added += 1;
      }
    }
    this.byRoom.set(roomId, bookings);
    return count;
  }

  clear(roomId: string): number {
    const count = this.byRoom.get(roomId)?.size ?? 0;
    this.byRoom.delete(roomId);
    return count;
  }

  /** Bookings of the room that overlap [from, to), earliest first. */
  between(roomId: string, from: string, to: string): Booking[] {
    return [...(this.byRoom.get(roomId)?.values() ?? [])]
      .filter((booking) => booking.start < to && booking.end > from)
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  }
}
