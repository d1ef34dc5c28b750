import { Logger } from './logger';
import { CalendarApi } from './provider/calendar-api';
import type { ApiTransport } from './provider/calendar-api';
import { BookingStore } from './rooms/bookings';
import { RoomDirectory } from './rooms/directory';
import { RoomSync } from './sync/room-sync';

/** Wires the room-booking back end as production does; tests pass the fake provider's transport. */
export function createOffice(transport: ApiTransport) {
  const logger = new Logger();
  const api = new CalendarApi(transport);
  const directory = new RoomDirectory();
  const bookings = new BookingStore();
  const sync = new RoomSync({ api, directory, bookings, logger });
  return { logger, api, directory, bookings, sync };
}
