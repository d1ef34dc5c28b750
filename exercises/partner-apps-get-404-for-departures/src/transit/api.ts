import { App } from '../http/app';
import { HttpError, errorHandler, requestId, timing } from '../http/middleware';
import { type Partner, type SessionStore, authenticate } from '../auth/authenticate';
import { type RealtimeFeed, type Stop, type TimetableStore, nextDepartures } from './timetable';

export type ApiDeps = {
  store: TimetableStore;
  feed: RealtimeFeed;
  partners: Map<string, Partner>;
  sessions: SessionStore;
  log: (line: string) => void;
};

const STOP_ID = /^[A-Z]{2}\d{3,6}$/;
const STOP_CACHE_MS = 10 * 60_000;

function checkStopId(id: string | undefined): string {
  if (!id || !STOP_ID.test(id)) throw new HttpError(400, 'bad_stop_id', `"${id}" is not a stop id`);
  return id;
}

/**
 * The public transit API, used by partner apps (API key) and by our own website (session).
 *   GET /health                      open to everyone
 *   GET /v1/stops/:id                stop details (cached for 10 minutes)
 *   GET /v1/stops/:id/departures     next departures (?limit=1..20, default 8), live delays applied
 */
export function createTransitApi(deps: ApiDeps): App {
  const stopCache = new Map<string, { stop: Stop; until: number }>();
  const app = new App()
    .use(requestId())
    .use(timing())
    .use(errorHandler(deps.log))
    .use(authenticate({ partners: deps.partners, sessions: deps.sessions, openPaths: ['/health'] }));

  app.get('/health', (ctx) => {
    ctx.status = 200;
    ctx.body = { ok: true };
  });

  app.get('/v1/stops/:id', async (ctx) => {
    const id = checkStopId(ctx.params.id);
    const cached = stopCache.get(id);
    if (cached && cached.until > Date.now()) {
      ctx.status = 200;
      ctx.body = cached.stop;
      return;
    }
    const stop = await deps.store.stop(id);
    if (!stop) throw new HttpError(404, 'unknown_stop', `No stop ${id}`);
    stopCache.set(id, { stop, until: Date.now() + STOP_CACHE_MS });
    ctx.status = 200;
    ctx.body = stop;
  });

  app.get('/v1/stops/:id/departures', async (ctx) => {
    const id = checkStopId(ctx.params.id);
    const query = new Map(
      (ctx.request.path.split('?')[1] ?? '').split('&').filter(Boolean).map((pair) => pair.split('=') as [string, string]),
    );
    const limit = query.has('limit') ? Number(query.get('limit')) : 8;
    if (!Number.isInteger(limit) || limit < 1 || limit > 20) throw new HttpError(400, 'bad_limit', 'limit must be between 1 and 20');
    const stop = await deps.store.stop(id);
    if (!stop) throw new HttpError(404, 'unknown_stop', `No stop ${id}`);
    const departures = await nextDepartures(deps.store, deps.feed, id, { now: Date.now(), windowMinutes: 90, limit });
    ctx.status = 200;
    ctx.body = { stop: { id: stop.id, name: stop.name }, departures };
  });

  return app;
}
