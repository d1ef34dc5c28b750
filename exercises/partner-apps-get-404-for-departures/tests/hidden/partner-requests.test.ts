import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { createTransitApi } from '../../src/transit/api';
import { type ScheduledDeparture, type Stop } from '../../src/transit/timetable';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (time: string) => Date.parse(`2026-01-06T${time}:00.000Z`);

const STOPS: Stop[] = [{ id: 'WQ4410', name: 'Wharf Quay', lat: 51.5, lon: -0.02, platforms: ['N', 'S'] }];
const DEPARTURES: ScheduledDeparture[] = [
  { tripId: 'q1', line: '88', destination: 'Old Town', platform: 'N', scheduledAt: at('17:04') },
  { tripId: 'q2', line: '12', destination: 'Docks', platform: 'S', scheduledAt: at('17:06') },
  { tripId: 'q3', line: '88', destination: 'Old Town', platform: 'N', scheduledAt: at('17:19') },
];

function world(options: { dbMs?: number; dbDown?: boolean } = {}) {
  const dbMs = options.dbMs ?? 35;
  const store = {
    async stop(id: string) {
      await wait(dbMs);
      if (options.dbDown) throw new Error('timetable db: connection reset');
      return STOPS.find((stop) => stop.id === id);
    },
    async scheduledDepartures(stopId: string, from: number, to: number) {
      await wait(dbMs);
      return (stopId === 'WQ4410' ? DEPARTURES : []).filter((d) => d.scheduledAt >= from && d.scheduledAt < to);
    },
  };
  const feed = {
    async delays() {
      await wait(20);
      return [{ tripId: 'q2', delaySeconds: 0, cancelled: true }];
    },
  };
  const sessions = { lookup: async () => undefined };
  const partners = new Map([
    ['pk_live_busbuddy', { id: 'busbuddy', name: 'BusBuddy', requestsPerMinute: 3 }],
    ['pk_live_railrover', { id: 'railrover', name: 'RailRover', requestsPerMinute: 100 }],
  ]);
  const log: string[] = [];
  return { api: createTransitApi({ store, feed, partners, sessions, log: (line) => log.push(line) }), log };
}

type Api = ReturnType<typeof world>['api'];

async function partnerGet(api: Api, path: string, key = 'pk_live_railrover') {
  const pending = api.handle({ method: 'GET', path, headers: { 'x-api-key': key, 'x-request-id': 'rq-77' } });
  await vi.advanceTimersByTimeAsync(10_000);
  const response = await pending;
  return { status: response.status, headers: response.headers, body: JSON.parse(response.body) };
}

const WHARF = [
  { line: '88', destination: 'Old Town', platform: 'N', scheduled: '2026-01-06T17:04:00.000Z', expected: '2026-01-06T17:04:00.000Z', status: 'on-time' },
  { line: '12', destination: 'Docks', platform: 'S', scheduled: '2026-01-06T17:06:00.000Z', expected: null, status: 'cancelled' },
];

describe('partner requests', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-06T17:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  // Stated in README.md: "Partner apps and our website call the same endpoints and must get the same answers"
  it('answers departures to a partner', async () => {
    const { api } = world();
    const response = await partnerGet(api, '/v1/stops/WQ4410/departures?limit=2');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ stop: { id: 'WQ4410', name: 'Wharf Quay' }, departures: WHARF });
    expect(response.headers['x-request-id']).toBe('rq-77');
  });

  // Stated in README.md: "Partner apps and our website call the same endpoints and must get the same answers"
  it('answers departures to a partner even when the database is slow', async () => {
    const { api } = world({ dbMs: 1_800 });
    const response = await partnerGet(api, '/v1/stops/WQ4410/departures?limit=2');
    expect(response).toMatchObject({ status: 200, body: { departures: WHARF } });
  });

  // Stated in src/transit/api.ts: "GET /v1/stops/:id                stop details (cached for 10 minutes)"
  it('answers stop details to a partner the first time they are asked for', async () => {
    const { api } = world();
    const response = await partnerGet(api, '/v1/stops/WQ4410');
    expect(response).toMatchObject({ status: 200, body: { id: 'WQ4410', name: 'Wharf Quay', platforms: ['N', 'S'] } });
  });

  // Stated in README.md: "an unknown stop is a `404` with `unknown_stop`"
  it('tells a partner when a stop does not exist', async () => {
    const { api } = world();
    expect(await partnerGet(api, '/v1/stops/XX0001/departures')).toMatchObject({ status: 404, body: { error: 'unknown_stop', message: 'No stop XX0001' } });
  });

  // Stated in src/transit/api.ts: "next departures (?limit=1..20, default 8)"
  it('refuses a bad limit from a partner', async () => {
    const { api } = world();
    expect(await partnerGet(api, '/v1/stops/WQ4410/departures?limit=50')).toMatchObject({ status: 400, body: { error: 'bad_limit' } });
  });

  // Stated in README.md: "a failure on our side is a `500` with `internal`, and is logged"
  it('answers 500 and logs it when the timetable database fails during a partner request', async () => {
    const { api, log } = world({ dbDown: true });
    const response = await partnerGet(api, '/v1/stops/WQ4410/departures');
    expect(response).toEqual({
      status: 500,
      headers: expect.any(Object),
      body: { error: 'internal', message: 'Something went wrong on our side' },
    });
    expect(log).toEqual(['rq-77 GET /v1/stops/WQ4410/departures failed: timetable db: connection reset']);
  });

  // Stated in src/http/middleware.ts: "Server-Timing header: how long the request took inside the app"
  it('reports how long a partner request took', async () => {
    const { api } = world({ dbMs: 300 });
    const response = await partnerGet(api, '/v1/stops/WQ4410/departures');
    const duration = Number(/app;dur=(\d+)/.exec(response.headers['server-timing'] ?? '')?.[1]);
    expect(duration).toBeGreaterThanOrEqual(620);
  });

  // Stated in src/auth/authenticate.ts: "partner apps send their API key in x-api-key (counted against their"
  it('still answers a partner within quota and refuses beyond it', async () => {
    const { api } = world();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await partnerGet(api, '/v1/stops/WQ4410/departures?limit=1', 'pk_live_busbuddy')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });
});
