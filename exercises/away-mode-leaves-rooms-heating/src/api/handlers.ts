import { ValveOfflineError } from '../devices/valve-gateway';
import type { Logger } from '../logger';
import { startAway } from '../home/away-mode';
import { UnknownRoomError } from '../home/climate-service';
import type { ClimateService } from '../home/climate-service';
import type { HomeStore } from '../home/home-store';

export type Response = { status: number; body: unknown };

/** The mobile app's API. Every handler answers; none throws. */
export function createApi(deps: { climate: ClimateService; store: HomeStore; logger: Logger }) {
  async function answer(work: () => Promise<unknown>): Promise<Response> {
    try {
      return { status: 200, body: await work() };
    } catch (error) {
      if (error instanceof UnknownRoomError) return { status: 404, body: { error: error.message } };
      if (error instanceof ValveOfflineError) return { status: 503, body: { error: error.message } };
      if (error instanceof RangeError) return { status: 400, body: { error: error.message } };
      throw error;
    }
  }

  return {
    /** PUT /homes/:homeId/rooms/:roomId/setpoint  { celsius } */
    putSetpoint: (homeId: string, roomId: string, body: { celsius?: unknown }) =>
      answer(async () => {
        if (typeof body.celsius !== 'number') throw new RangeError('celsius must be a number');
        return { roomId, setpointC: await deps.climate.setRoomTemperature(homeId, roomId, body.celsius) };
      }),

    /** POST /homes/:homeId/away  { until } */
    postAway: (homeId: string, body: { until?: unknown }) =>
      answer(() => {
        if (typeof body.until !== 'string') throw new RangeError('until must be an ISO timestamp');
        return startAway(deps, homeId, body.until);
      }),

    /** GET /homes/:homeId: what the app shows. */
    getHome: (homeId: string) => answer(() => deps.store.load(homeId)),
  };
}
