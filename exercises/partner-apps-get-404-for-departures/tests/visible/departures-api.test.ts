import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import { createTransitApi } from '../../src/transit/api';
import { type ScheduledDeparture, type Stop } from '../../src/transit/timetable';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = (time: string) => Date.parse(`2026-01-05T${time}:00.000Z`);

const STOPS: Stop[] = [
  { id: 'CS1001', name: 'Central Station', lat: 53.4794, lon: -2.2453, platforms: ['A', 'B', 'C'] },
  { id: 'HB2040', name: 'Harbour Bridge', lat: 53.4721, lon: -2.2604, platforms: ['1'] },
];

const TIMETABLE: Record<string, ScheduledDeparture[]> = {
  CS1001: [
    { tripId: 't-4-0902', line: '4', destination: 'Airport', platform: 'A', scheduledAt: at('09:02') },
    { tripId: 't-11-0905', line: '11', destination: 'University', platform: 'B', scheduledAt: at('09:05') },
    { tripId: 't-S2-0907', line: 'S2', destination: 'Harbour Bridge', platform: 'C', scheduledAt: at('09:07') },
    { tripId: 't-4-0917', line: '4', destination: 'Airport', platform: 'A', scheduledAt: at('09:17') },
  ],
};

// Timetable database and vehicle feed with their usual latencies.
function world() {
  const store = {
    async stop(id: string) {
      await wait(25);
      return STOPS.find((stop) => stop.id === id);
    },
    async scheduledDepartures(stopId: string, from: number, to: number) {
      await wait(40);
      return (TIMETABLE[stopId] ?? []).filter((d) => d.scheduledAt >= from && d.scheduledAt < to);
    },
  };
  const feed = {
    async delays() {
      await wait(30);
      return [{ tripId: 't-4-0902', delaySeconds: 240, cancelled: false }];
    },
  };
  const sessions = { lookup: async (token: string) => (token === 'web-7f2c' ? { userId: 'u_1' } : undefined) };
  const partners = new Map([['pk_live_citymapr', { id: 'citymapr', name: 'CityMapr', requestsPerMinute: 600 }]]);
  const log: string[] = [];
  return { api: createTransitApi({ store, feed, partners, sessions, log: (line) => log.push(line) }), log };
}

async function get(api: ReturnType<typeof world>['api'], path: string, headers: Record<string, string> = {}) {
  const pending = api.handle({ method: 'GET', path, headers });
  await vi.advanceTimersByTimeAsync(5_000);
  const response = await pending;
  return { status: response.status, body: JSON.parse(response.body) };
}

const EXPECTED_DEPARTURES = [
  { line: '11', destination: 'University', platform: 'B', scheduled: '2026-01-05T09:05:00.000Z', expected: '2026-01-05T09:05:00.000Z', status: 'on-time' },
  { line: '4', destination: 'Airport', platform: 'A', scheduled: '2026-01-05T09:02:00.000Z', expected: '2026-01-05T09:06:00.000Z', status: 'delayed' },
  { line: 'S2', destination: 'Harbour Bridge', platform: 'C', scheduled: '2026-01-05T09:07:00.000Z', expected: '2026-01-05T09:07:00.000Z', status: 'on-time' },
];

describe('departures API', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-05T09:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives a partner app the next departures from Central Station', async () => {
    const { api } = world();
    const response = await get(api, '/v1/stops/CS1001/departures?limit=3', { 'x-api-key': 'pk_live_citymapr' });

    expect(response).toEqual({ status: 200, body: { stop: { id: 'CS1001', name: 'Central Station' }, departures: EXPECTED_DEPARTURES } });
  });

  it('gives the website the next departures from Central Station', async () => {
    const { api } = world();
    const response = await get(api, '/v1/stops/CS1001/departures?limit=3', { cookie: 'theme=dark; session=web-7f2c' });

    expect(response).toEqual({ status: 200, body: { stop: { id: 'CS1001', name: 'Central Station' }, departures: EXPECTED_DEPARTURES } });
  });

  it('tells the website when a stop does not exist', async () => {
    const { api } = world();
    const response = await get(api, '/v1/stops/ZZ9999', { cookie: 'session=web-7f2c' });

    expect(response).toEqual({ status: 404, body: { error: 'unknown_stop', message: 'No stop ZZ9999' } });
  });

  it('refuses an unknown API key', async () => {
    const { api } = world();
    const response = await get(api, '/v1/stops/CS1001/departures', { 'x-api-key': 'pk_live_revoked' });

    expect(response).toEqual({ status: 401, body: { error: 'unauthorized', message: 'Unknown API key' } });
  });

  it('keeps the health check open to everyone', async () => {
    const { api } = world();
    expect(await get(api, '/health')).toEqual({ status: 200, body: { ok: true } });
    expect((await get(api, '/v1/stops/CS1001')).status).toBe(401);
  });
});
