import { CalendarNotFoundError, ProviderUnavailableError, SyncTokenRejectedError } from '../provider/calendar-api';
import type { CalendarApi } from '../provider/calendar-api';
import type { Logger } from '../logger';
import type { BookingStore } from '../rooms/bookings';
import type { Room, RoomDirectory } from '../rooms/directory';

export type SyncSummary = { incremental: number; full: number; skipped: string[]; retired: string[] };

/**
 * Keeps our copy of every room calendar up to date. The first sync of a room reads
 * the whole calendar; after that, each run (every 5 minutes) asks only for what
 * changed since the sync token the previous run was given.
 */
export class RoomSync {
  private readonly tokens = new Map<string, string>();
  private readonly api: CalendarApi;
  private readonly directory: RoomDirectory;
  private readonly bookings: BookingStore;
  private readonly logger: Logger;

  constructor(deps: { api: CalendarApi; directory: RoomDirectory; bookings: BookingStore; logger: Logger }) {
    this.api = deps.api;
    this.directory = deps.directory;
    this.bookings = deps.bookings;
    this.logger = deps.logger;
  }

  /** Adds a room after checking that its calendar exists. */
  async linkRoom(room: Omit<Room, 'active'>): Promise<Room> {
    const calendar = await this.api.getCalendar(room.calendarId);
    this.logger.info(`room ${room.name} linked to calendar "${calendar.summary}"`);
    return this.directory.add(room);
  }

  async syncAll(): Promise<SyncSummary> {
    const summary: SyncSummary = { incremental: 0, full: 0, skipped: [], retired: [] };
    for (const room of this.directory.active()) await this.syncRoom(room, summary);
    this.logger.info(`sync done: ${summary.incremental} incremental, ${summary.full} full, ${summary.skipped.length} skipped, ${summary.retired.length} retired`);
    return summary;
  }

  private async syncRoom(room: Room, summary: SyncSummary): Promise<void> {
    const token = this.tokens.get(room.id) ?? null;
    try {
      const page = await this.api.listEvents(room.calendarId, token);
      if (token === null) {
        const count = this.bookings.replaceAll(room.id, page.items);
        summary.full += 1;
        this.logger.info(`room ${room.name}: full sync, ${count} bookings`);
      } else {
        const { added, updated, removed } = this.bookings.applyChanges(room.id, page.items);
        summary.incremental += 1;
        if (added + updated + removed > 0) this.logger.info(`room ${room.name}: +${added} ~${updated} -${removed}`);
      }
      this.tokens.set(room.id, page.nextSyncToken);
    } catch (error) {
      if (error instanceof SyncTokenRejectedError && token !== null) {
        this.logger.warn(`room ${room.name}: sync token refused, starting over`);
        this.tokens.delete(room.id);
        return this.syncRoom(room, summary);
      }
      if (error instanceof CalendarNotFoundError && token !== null) {
        try {
          const everything = await this.api.listEvents(room.calendarId, null);
          this.bookings.applyChanges(room.id, everything.items);
          this.tokens.set(room.id, everything.nextSyncToken);
          summary.full += 1;
          return;
        } catch {
          // the calendar really is gone: fall through and retire the room
        }
      }
      if (error instanceof CalendarNotFoundError) {
        const cleared = this.bookings.clear(room.id);
        this.directory.retire(room.id);
        this.tokens.delete(room.id);
        summary.retired.push(room.id);
        this.logger.warn(`room ${room.name}: its calendar no longer exists; room retired, ${cleared} bookings cleared`);
        return;
      }
      if (error instanceof ProviderUnavailableError) {
        summary.skipped.push(room.id);
        this.logger.warn(`room ${room.name}: provider unavailable, will try again next run`);
        return;
      }
      throw error;
    }
  }
}
