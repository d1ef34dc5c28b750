export type Stop = { id: string; name: string; lat: number; lon: number; platforms: string[] };

export type ScheduledDeparture = { tripId: string; line: string; destination: string; platform: string; scheduledAt: number };

export type Delay = { tripId: string; delaySeconds: number; cancelled: boolean };

/** The timetable database and the live feed from the vehicles (both remote, both async). */
export type TimetableStore = {
  stop(id: string): Promise<Stop | undefined>;
  scheduledDepartures(stopId: string, from: number, to: number): Promise<ScheduledDeparture[]>;
};

export type RealtimeFeed = { delays(tripIds: string[]): Promise<Delay[]> };

export type Departure = {
  line: string;
  destination: string;
  platform: string;
  scheduled: string;
  expected: string | null;
  status: 'on-time' | 'delayed' | 'cancelled';
};

const ON_TIME_TOLERANCE_S = 60;

/** Next departures from a stop within `windowMinutes`, with live delays applied, in expected order. */
export async function nextDepartures(
  store: TimetableStore,
  feed: RealtimeFeed,
  stopId: string,
  options: { now: number; windowMinutes: number; limit: number },
): Promise<Departure[]> {
  const scheduled = await store.scheduledDepartures(stopId, options.now, options.now + options.windowMinutes * 60_000);
  const delays = new Map((await feed.delays(scheduled.map((d) => d.tripId))).map((delay) => [delay.tripId, delay]));
  return scheduled
    .map((departure) => {
      const delay = delays.get(departure.tripId);
      const expectedAt = departure.scheduledAt + (delay?.delaySeconds ?? 0) * 1000;
      const status: Departure['status'] = delay?.cancelled ? 'cancelled' : (delay?.delaySeconds ?? 0) > ON_TIME_TOLERANCE_S ? 'delayed' : 'on-time';
      return { departure, expectedAt, status };
    })
    .sort((a, b) => a.expectedAt - b.expectedAt || a.departure.line.localeCompare(b.departure.line))
    .slice(0, options.limit)
    .map(({ departure, expectedAt, status }) => ({
      line: departure.line,
      destination: departure.destination,
      platform: departure.platform,
      scheduled: new Date(departure.scheduledAt).toISOString(),
      expected: status === 'cancelled' ? null : new Date(expectedAt).toISOString(),
      status,
    }));
}
