import type { BookingStore } from './bookings';

export type Room = { id: string; name: string; floor: number; seats: number; calendarId: string; active: boolean };

export class RoomDirectory {
  private readonly rooms = new Map<string, Room>();

  add(room: Omit<Room, 'active'>): Room {
    if (this.rooms.has(room.id)) throw new Error(`room ${room.id} already exists`);
    if (!Number.isInteger(room.seats) || room.seats < 1) throw new Error(`room ${room.id}: invalid seat count ${room.seats}`);
    const added = { ...room, active: true };
    this.rooms.set(room.id, added);
    return { ...added };
  }

  get(id: string): Room | undefined {
    const room = this.rooms.get(id);
    return room ? { ...room } : undefined;
  }

  active(): Room[] {
    return [...this.rooms.values()].filter((room) => room.active).map((room) => ({ ...room }));
  }

  /** Takes a room out of the finder and the kiosks, e.g. when its calendar was deleted. */
  retire(id: string): void {
    const room = this.rooms.get(id);
    if (room) room.active = false;
  }
}

/** The room finder: active rooms with enough seats and nothing booked in [start, end). */
export function findFreeRooms(directory: RoomDirectory, bookings: BookingStore, slot: { start: string; end: string; seats: number }): Room[] {
  if (!(slot.start < slot.end)) throw new Error('a slot must end after it starts');
  return directory
    .active()
    .filter((room) => room.seats >= slot.seats)
    .filter((room) => bookings.between(room.id, slot.start, slot.end).length === 0)
    .sort((a, b) => a.seats - b.seats || a.name.localeCompare(b.name));
}
