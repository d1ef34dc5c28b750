import type { Logger } from '../logger';
import type { ClimateService } from './climate-service';
import type { HomeStore } from './home-store';

export const DEFAULT_AWAY_C = 15;

export type AwayResult = { awayUntil: string; rooms: Record<string, number | 'failed'> };

/**
 * "I'm away": every room goes down to the away temperature until the given time.
 * Rooms are set in parallel, as the app's "apply to all rooms" does, so a slow valve
 * does not hold up the rest.
 */
export async function startAway(
  deps: { climate: ClimateService; store: HomeStore; logger: Logger },
  homeId: string,
  until: string,
  awayC = DEFAULT_AWAY_C,
): Promise<AwayResult> {
  if (Number.isNaN(Date.parse(until)) || Date.parse(until) <= Date.now()) throw new RangeError(`away until must be in the future: ${until}`);
  const home = await deps.store.load(homeId);
  const roomIds = Object.keys(home.rooms);

  const settled = await Promise.allSettled(roomIds.map((roomId) => deps.climate.setRoomTemperature(homeId, roomId, awayC)));
  const rooms: AwayResult['rooms'] = {};
  settled.forEach((outcome, index) => {
    const roomId = roomIds[index]!;
    if (outcome.status === 'fulfilled') rooms[roomId] = outcome.value;
    else {
      rooms[roomId] = 'failed';
      deps.logger.warn(`${homeId}/${roomId}: away setpoint failed: ${(outcome.reason as Error).message}`);
    }
  });

  await deps.store.update(homeId, (doc) => {
    doc.awayUntil = until;
  });
  return { awayUntil: until, rooms };
}
