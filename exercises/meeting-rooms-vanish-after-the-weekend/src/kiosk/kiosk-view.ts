import type { BookingStore } from '../rooms/bookings';
import type { RoomDirectory } from '../rooms/directory';

function clock(iso: string): string {
  return iso.slice(11, 16);
}

/** The one line the tablet outside a meeting room shows, refreshed every minute. */
export function kioskLine(directory: RoomDirectory, bookings: BookingStore, roomId: string, now: Date): string {
  const room = directory.get(roomId);
  if (!room || !room.active) return 'Not available for booking';
  const at = now.toISOString();
  const endOfDay = `${at.slice(0, 10)}T23:59:59.999Z`;
  const today = bookings.between(roomId, at, endOfDay);
  const current = today.find((booking) => booking.start <= at);
  if (current) return `Busy until ${clock(current.end)} · ${current.title}`;
  const next = today[0];
  if (next) return `Free until ${clock(next.start)} · next: ${next.title}`;
  return 'Free for the rest of the day';
}
